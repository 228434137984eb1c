import { type Kysely, sql } from 'kysely'
import type { Hash } from './salt.js'
import type { Database } from './schema.js'
import { overlap, retryAfterMs, SLACK, windowStart } from './sliding-count.js'
import type { RateLimit } from './state-limits.js'
import type { SharedState } from './store.js'

/**
 * The shared state in the database, for several copies of the bot on one PostgreSQL: every
 * decision is one atomic statement (an insert that conflicts, an upsert that counts only while
 * there is room), never a read followed by a write another copy could slip between. Only the
 * rate limit's statement is written in SQL rather than built: it is one both dialects accept.
 */
export function databaseState(db: Kysely<Database>, options: { hash: Hash; rate: RateLimit }): SharedState {
  const { hash, rate } = options
  const countIn = async (member: string, start: number) =>
    (await db.selectFrom('rate_counts').select('count').where('member', '=', member).where('window_start', '=', start).executeTakeFirst())?.count ?? 0

  return {
    async claimEvent(eventId, at) {
      const inserted = await db
        .insertInto('seen_events')
        .values({ event_id: eventId, seen_at: at })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .executeTakeFirst()
      return inserted !== undefined
    },

    async takeQuestion(platform, member, at) {
      const who = hash('member', platform, member)
      const start = windowStart(at, rate)
      // One round trip that decides and counts. Room left: limit - previous window's count x its
      // overlap (sliding-count.ts). A first question inserts the row only if one fits; a later one
      // adds one only while count + 1 fits. PostgreSQL re-checks that condition on the row it
      // locks, so two copies cannot both take the last place. No row back: refused. The casts type
      // the parameters for PostgreSQL; SQLite reads them as the same affinities.
      const allowance = sql`cast(${rate.limit + SLACK} as double precision) - coalesce((select p.count from rate_counts p where p.member = ${who} and p.window_start = cast(${start - rate.windowMs} as bigint)), 0) * cast(${overlap(at, rate)} as double precision)`
      const { rows } = await sql<{ count: number }>`
        insert into rate_counts (member, window_start, count)
        select cast(${who} as text), cast(${start} as bigint), 1 where 1 <= ${allowance}
        on conflict (member, window_start) do update set count = rate_counts.count + 1 where rate_counts.count + 1 <= ${allowance}
        returning count`.execute(db)
      if (rows.length) return { allowed: true }
      // Refused: read the counts only to say how long to wait (they decide nothing).
      const [previous, current] = await Promise.all([countIn(who, start - rate.windowMs), countIn(who, start)])
      return { allowed: false, retryAfterMs: retryAfterMs(previous, current, at, rate) }
    },
  }
}
