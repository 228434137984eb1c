import { createDeduper } from './memory-dedupe.js'
import { createRateLimiter } from './memory-rate-limit.js'
import { EVENT_MEMORY_MAX, EVENT_TTL_MS, type RateLimit } from './state-limits.js'
import type { SharedState } from './store.js'

/**
 * The shared state of one process, as the adapters kept it before the store: a sliding window of
 * question times per member and a bounded set of recent event ids. Used without DATABASE_URL, and
 * as the fallback while PostgreSQL is out of reach.
 */
export function memoryState(rate: RateLimit): SharedState {
  // The limiter and the deduper read a clock; the port hands each call its time instead. Calls
  // are synchronous inside, so the time set just before one is the time it reads.
  let at = 0
  const clock = () => at
  const limiter = createRateLimiter({ ...rate, now: clock })
  const events = createDeduper({ ttlMs: EVENT_TTL_MS, maxSize: EVENT_MEMORY_MAX, now: clock })
  return {
    async claimEvent(eventId, time) {
      at = time
      return events.isFirst(eventId)
    },
    async takeQuestion(platform, member, time) {
      at = time
      // Per platform, as each adapter counted before: one member's ids differ across platforms anyway.
      return limiter.take(`${platform}\u0000${member}`)
    },
  }
}
