/** What the shared state remembers and for how long, the same in memory and in PostgreSQL. */

/** Slack's last retry of an event comes about five minutes after it: ids are remembered for ten. */
export const EVENT_TTL_MS = 10 * 60_000

/** At most this many event ids in memory, the oldest forgotten first, so one process's memory stays bounded. */
export const EVENT_MEMORY_MAX = 10_000

/** RATE_LIMIT: questions a member may ask per window. */
export type RateLimit = { limit: number; windowMs: number }
