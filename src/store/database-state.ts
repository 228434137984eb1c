import type { Kysely } from 'kysely'
import type { Hash } from './salt.js'
import type { Database } from './schema.js'
import { retryAfterMs, room, windowStart } from './sliding-count.js'
import type { RateLimit } from './state-limits.js'
import type { SharedState } from './store.js'

/**
 * The shared state in the database, for several copies of the bot on one PostgreSQL: every
 * decision is one atomic statement (an insert that conflicts, an upsert that counts only while
 * there is room), never a read followed by a write another copy could slip between.
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
      const previous = await countIn(who, start - rate.windowMs)
      const fits = room(previous, at, rate)
      if (fits >= 1) {
        // Adds one only while the count is below what fits: the check and the count are one
        // statement, so two copies cannot both take the last place. No row back: no room.
        const counted = await db
          .insertInto('rate_counts')
          .values({ member: who, window_start: start, count: 1 })
          .onConflict((oc) =>
            oc
              .columns(['member', 'window_start'])
              .doUpdateSet({ count: (eb) => eb('rate_counts.count', '+', 1) })
              .where('rate_counts.count', '<', fits),
          )
          .returning('count')
          .executeTakeFirst()
        if (counted) return { allowed: true }
      }
      // Refused: read the count only to say how long to wait (it decides nothing).
      return { allowed: false, retryAfterMs: retryAfterMs(previous, await countIn(who, start), at, rate) }
    },
  }
}
