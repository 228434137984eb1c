import type { Answer } from '../../core/types.js'
import type { AskedQuestion, Platform, Store, Vote } from '../../store/store.js'

/**
 * What the adapters write to the store: each question asked and what it got, and each 👍/👎.
 * Never awaited on the answer's path: the write starts after the reply is sent and its failure is
 * only logged, so a slow or broken store costs a member nothing. (The store's own wrapper already
 * turns a failure into one log line; the catch here is the last word if a store ever rejects.)
 */

/** Where a question was asked and by whom, in clear: the store hashes every id before keeping it. */
export type Origin = {
  /** The Discord server ("dm" for a direct message) or the Slack workspace. */
  place: string
  channel: string
  member: string
}

/** A question on its way to an answer: its id is on the 👍/👎 buttons before the store has seen it. */
export type Asking = { id: string; origin: Origin; question: string; startedAt: number }

type RecordDeps = { store: Store; platform: Platform; now: () => number }

/** Starts `write` and lets it run: a rejection, or a store that throws at once, goes to `onError`. */
function inBackground(write: () => Promise<unknown>, onError: (error: unknown) => void): void {
  try {
    write().catch(onError)
  } catch (error) {
    onError(error)
  }
}

/** The question's log row: its status, the refs it cited and the first citation's article. */
function askedQuestion(platform: Platform, asking: Asking, answer: Answer, answeredAt: number): AskedQuestion {
  const article = answer.citations[0]?.article
  return {
    id: asking.id,
    at: asking.startedAt,
    platform,
    ...asking.origin,
    question: asking.question,
    status: answer.status,
    refs: answer.citations.map((c) => c.ref),
    ...(article === undefined ? {} : { article }),
    latencyMs: Math.max(0, answeredAt - asking.startedAt),
  }
}

/** Logs an answered question once its reply is out; returns at once. */
export function recordQuestion(deps: RecordDeps, asking: Asking, answer: Answer, onError: (error: unknown) => void): void {
  const row = askedQuestion(deps.platform, asking, answer, deps.now())
  inBackground(() => deps.store.logQuestion(row), onError)
}

/** Stores a member's vote (a second one on the same answer replaces it); returns at once. */
export function recordVote(deps: RecordDeps, vote: Omit<Vote, 'platform' | 'at'>, onError: (error: unknown) => void): void {
  const row: Vote = { ...vote, platform: deps.platform, at: deps.now() }
  inBackground(() => deps.store.vote(row), onError)
}

/** The store of a bot started without one (tests, benches): keeps nothing. */
export const NO_STORE: Store = {
  logQuestion: async () => {},
  vote: async () => {},
  prune: async () => {},
  close: async () => {},
}

/**
 * Whether 👍/👎 go under a reply: an answer or a "not found" (both worth judging), not the core's
 * refusal of an empty or overlong question, which is logged all the same.
 */
export const isVotable = (answer: Answer): boolean => answer.status !== 'invalid'

/** What both platforms say to a vote, privately. */
export const VOTE_THANKS = 'Thanks, noted.'

/** A question id as the adapters make them (crypto.randomUUID): anything else on a vote button is not ours. */
const QUESTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isQuestionId = (value: string): boolean => QUESTION_ID.test(value)
