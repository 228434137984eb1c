/**
 * The store's tables, as Kysely sees them: one schema for SQLite and PostgreSQL. Times are
 * milliseconds since the epoch in a `bigint` column (PostgreSQL's int8 is read back as a number:
 * the pool's type parser says so, since every value here stays far below 2^53). Member, server,
 * workspace and channel ids are never stored in clear: only salted hashes (see `meta`).
 */

/** One question asked on a platform, with what was answered. */
export type QuestionsTable = {
  /** Made by the adapter before it answers (a random UUID), so the 👍/👎 buttons can carry it without waiting for the store. */
  id: string
  asked_at: number
  platform: string
  /** The server (Discord) or workspace (Slack), hashed. */
  place: string
  /** The channel, hashed; null when QUESTION_LOG=off. */
  channel: string | null
  /** The member, hashed; null when QUESTION_LOG=off. */
  member: string | null
  /** The question as typed; null when QUESTION_LOG=off. */
  question: string | null
  /** The Answer's status: answered, not_found or invalid. */
  status: string
  /** The cited refs (`title#n`), a JSON array. */
  refs: string
  /** The title of the article the first citation comes from, if any. */
  article: string | null
  latency_ms: number
}

/** One member's vote on one answer; a second click replaces it. */
export type VotesTable = {
  question_id: string
  /** The member, hashed. */
  member: string
  /** 1 for 👍, -1 for 👎. */
  vote: number
  voted_at: number
}

/** Slack event ids already answered, so a retry reaching another copy is answered once. */
export type SeenEventsTable = {
  event_id: string
  seen_at: number
}

/** Questions counted per member per fixed window, for a rate limit several copies share. */
export type RateCountsTable = {
  /** The member, hashed. */
  member: string
  window_start: number
  count: number
}

/** Small facts about the store itself; `salt` is the secret the ids are hashed with. */
export type MetaTable = {
  key: string
  value: string
}

export type Database = {
  questions: QuestionsTable
  votes: VotesTable
  seen_events: SeenEventsTable
  rate_counts: RateCountsTable
  meta: MetaTable
}
