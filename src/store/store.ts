import type { AnswerStatus } from '../core/types.js'

/**
 * What the rest of the program asks of the store (the port): the adapters log questions and
 * votes and share state through it, `explainer report` reads it. Ids arrive in clear and are
 * hashed inside the store, so nothing outside it needs the salt and nothing in it is in clear.
 * Implementations: SQLite (default) and PostgreSQL, one Kysely code path (open-store.ts).
 */

export type Platform = 'discord' | 'slack'

/** A question asked on a platform and what it got, as the adapter saw it. */
export type AskedQuestion = {
  /** A random UUID the adapter made before answering; the 👍/👎 buttons carry it. */
  id: string
  /** Milliseconds since the epoch, from the adapter's injected clock. */
  at: number
  platform: Platform
  /** Server (Discord guild; "dm" for a direct message) or Slack workspace (team) id, in clear. */
  place: string
  channel: string
  member: string
  question: string
  status: AnswerStatus
  /** The cited refs, `title#n`, in order. */
  refs: string[]
  /** The title of the first citation's article. */
  article?: string
  latencyMs: number
}

export type Vote = {
  questionId: string
  platform: Platform
  member: string
  vote: 'up' | 'down'
  at: number
}

/** What several copies of the bot must agree on; in memory per process unless DATABASE_URL is set. */
export type SharedState = {
  /** True the first time this Slack event id is claimed by any copy, false for a retry already taken. */
  claimEvent(eventId: string, at: number): Promise<boolean>
  /**
   * Counts one question from `member` and says whether it may be answered: allowed, or how long
   * to wait. Atomic across copies (an upsert that counts), never read-then-write.
   */
  takeQuestion(platform: Platform, member: string, at: number): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>
}

export type Store = {
  /** Records a question; with QUESTION_LOG=off, only what the report's counts need (no text, member or channel). */
  logQuestion(question: AskedQuestion): Promise<void>
  /** Records a vote; a second vote by the same member on the same answer replaces the first. */
  vote(vote: Vote): Promise<void>
  /** Deletes questions (and their votes) and shared-state rows older than the retention. */
  prune(now: number): Promise<void>
  close(): Promise<void>
}
