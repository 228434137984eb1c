import type { Kysely } from 'kysely'
import { DAY_MS } from '../core/time.js'
import type { Hash } from './salt.js'
import type { Database } from './schema.js'
import type { AskedQuestion, Store, Vote } from './store.js'

/**
 * The Store over Kysely: the same statements for SQLite and PostgreSQL (inserts, an upsert on
 * conflict, deletes by time), so one code path serves both and the tests run it on both.
 */
export type DatabaseStoreOptions = {
  hash: Hash
  /** QUESTION_LOG: false keeps no question text, member or channel. */
  questionLog: boolean
  /** QUESTION_LOG_DAYS, in days. */
  retentionDays: number
  /** How long shared-state rows matter: Slack's retries of an event, and a rate limit's windows. */
  stateMs: { events: number; rates: number }
}

export function databaseStore(db: Kysely<Database>, options: DatabaseStoreOptions): Store {
  const { hash, questionLog } = options
  return {
    async logQuestion(q: AskedQuestion) {
      await db
        .insertInto('questions')
        .values({
          id: q.id,
          asked_at: q.at,
          platform: q.platform,
          // The place stays even with QUESTION_LOG=off: a count per server or workspace names nobody.
          place: hash('place', q.platform, q.place),
          channel: questionLog ? hash('channel', q.platform, q.channel) : null,
          member: questionLog ? hash('member', q.platform, q.member) : null,
          question: questionLog ? q.question : null,
          status: q.status,
          refs: JSON.stringify(q.refs),
          article: q.article ?? null,
          latency_ms: q.latencyMs,
        })
        // An adapter that logs one id twice (a retry of its own) keeps the first row.
        .onConflict((oc) => oc.column('id').doNothing())
        .execute()
    },

    async vote(v: Vote) {
      // With QUESTION_LOG=off a voter is hashed with the answer's id too: still one vote per member
      // per answer, but no two votes can be tied to one member.
      const member = questionLog ? hash('member', v.platform, v.member) : hash('member', v.platform, `${v.questionId}\u0000${v.member}`)
      const value = v.vote === 'up' ? 1 : -1
      await db
        .insertInto('votes')
        .values({ question_id: v.questionId, member, vote: value, voted_at: v.at })
        .onConflict((oc) => oc.columns(['question_id', 'member']).doUpdateSet({ vote: value, voted_at: v.at }))
        .execute()
    },

    async prune(now: number) {
      const before = now - options.retentionDays * DAY_MS
      const old = db.selectFrom('questions').select('id').where('asked_at', '<', before)
      await db.transaction().execute(async (tx) => {
        // Votes go with their question; a vote whose question was never logged (the log was down)
        // goes when it is as old.
        await tx
          .deleteFrom('votes')
          .where((eb) => eb.or([eb('question_id', 'in', old), eb('voted_at', '<', before)]))
          .execute()
        await tx.deleteFrom('questions').where('asked_at', '<', before).execute()
      })
      await db
        .deleteFrom('seen_events')
        .where('seen_at', '<', now - options.stateMs.events)
        .execute()
      await db
        .deleteFrom('rate_counts')
        .where('window_start', '<', now - options.stateMs.rates)
        .execute()
    },

    async close() {
      await db.destroy()
    },
  }
}
