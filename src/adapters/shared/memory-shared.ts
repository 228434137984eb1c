import type { SharedState } from '../../store/store.js'
import { createDeduper } from '../slack/dedupe.js'
import { createRateLimiter } from './rate-limit.js'

/**
 * TEMPORARY, until the store's memory SharedState lands (branch s2-store): per-process shared
 * state over the existing rate limiter and deduper, each told the time the caller gives.
 */
export function memorySharedState(rate: { limit: number; windowMs: number }): SharedState {
  let at = 0
  const clock = () => at
  const limiter = createRateLimiter({ ...rate, now: clock })
  const seen = createDeduper({ now: clock })
  return {
    async claimEvent(eventId, now) {
      at = now
      return seen.isFirst(eventId)
    },
    async takeQuestion(platform, member, now) {
      at = now
      return limiter.take(`${platform}:${member}`)
    },
  }
}
