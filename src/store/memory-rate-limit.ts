import { DEFAULT_RATE_LIMIT } from '../config.js'

/**
 * One process's per-member rate limit (memory-state.ts, and the fallback while PostgreSQL is
 * away): at most `limit` questions in any sliding window of `windowMs`. The clock is injected so tests can move time instead of waiting.
 */
export type RateLimitOptions = {
  /** Questions allowed per window (default 5). */
  limit?: number
  /** Window length in milliseconds (default 30 seconds). */
  windowMs?: number
  /** Current time in milliseconds; defaults to Date.now. */
  now?: () => number
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number }

export type RateLimiter = {
  /** Records a question from this user if allowed, and says whether it is. */
  take(userId: string): RateDecision
}

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const limit = options.limit ?? DEFAULT_RATE_LIMIT.limit
  const windowMs = options.windowMs ?? DEFAULT_RATE_LIMIT.windowMs
  if (!(limit >= 1 && windowMs >= 1)) throw new RangeError(`a rate limit needs at least 1 question per at least 1 ms, not ${limit} per ${windowMs} ms`)
  const now = options.now ?? Date.now
  const recent = new Map<string, number[]>()
  let lastSweep = now()

  // Forget users who have been quiet for a whole window, so memory follows active users only.
  function sweep(t: number): void {
    if (t - lastSweep < windowMs) return
    lastSweep = t
    for (const [user, times] of recent) if (!times.length || t - times[times.length - 1] >= windowMs) recent.delete(user)
  }

  return {
    take(userId: string): RateDecision {
      const t = now()
      sweep(t)
      let times = recent.get(userId)
      if (!times) {
        times = []
        recent.set(userId, times)
      }
      // Oldest first: what left the window is at the front, dropped in place (no copy a question).
      let expired = 0
      while (expired < times.length && t - times[expired] >= windowMs) expired++
      if (expired) times.splice(0, expired)
      if (times.length >= limit) return { allowed: false, retryAfterMs: windowMs - (t - times[0]) }
      times.push(t)
      return { allowed: true }
    },
  }
}

/** "try again in 12 s": whole seconds, never 0. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}
