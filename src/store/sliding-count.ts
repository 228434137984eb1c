import type { RateLimit } from './state-limits.js'

/**
 * A rate limit several copies can keep with one atomic statement: counts per fixed window (an
 * upsert that adds one), judged as a sliding window. The previous window's count is weighted by
 * how much of it still lies within the last `windowMs` ("sliding window counter"), so a burst
 * that straddles a window boundary is still held to the limit, where plain fixed windows would
 * let twice the limit through. The previous window is closed (no copy counts into it any more),
 * so reading it inside the statement that counts races with nothing.
 */

/** The fixed window a time falls in. */
export function windowStart(at: number, rate: RateLimit): number {
  return Math.floor(at / rate.windowMs) * rate.windowMs
}

/** The share of the previous window still inside the sliding window that ends at `at`: 1 at a window's start, near 0 at its end. */
export function overlap(at: number, rate: RateLimit): number {
  return (windowStart(at, rate) + rate.windowMs - at) / rate.windowMs
}

/**
 * One more question fits while `current + 1 <= limit - previous * overlap`: the statement in
 * database-state.ts says this in SQL; the slack keeps 5 - 3 * (2/3) from missing 3 through float error.
 */
export const SLACK = 1e-9

/**
 * How long until one more question fits, after one was refused at `at` with `current` questions
 * counted in this window and `previous` in the one before: when the previous window's weight has
 * faded enough, or, if this window alone is full, that far into the next one.
 */
export function retryAfterMs(previous: number, current: number, at: number, rate: RateLimit): number {
  const { limit, windowMs } = rate
  const start = windowStart(at, rate)
  // Within this window: the weight must fall to (limit - current - 1) / previous.
  const fadeWithin = current < limit && previous > 0 ? start + windowMs - (windowMs * (limit - current - 1)) / previous : Number.POSITIVE_INFINITY
  // Else in the next window, where this window's count becomes the previous one (at its start at the earliest).
  const fadeNext = Math.max(start + windowMs, start + 2 * windowMs - (windowMs * (limit - 1)) / Math.max(current, 1))
  return Math.max(1, Math.ceil(Math.min(fadeWithin, fadeNext) - at))
}
