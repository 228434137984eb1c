import type { Config } from '../../config.js'
import type { Explainer } from '../../core/explainer.js'
import type { Citation } from '../../core/types.js'
import { retryAfterSeconds } from '../../store/memory-rate-limit.js'
import type { RateLimit } from '../../store/state-limits.js'
import type { Platform, SharedState, Store } from '../../store/store.js'

/**
 * What every chat adapter is, seen from main.ts and the CLI: the port both adapters implement
 * (each adapter's index.ts `satisfies AdapterModule`), and the parts of their dependencies and
 * checks that are the same on every platform.
 */

/** What a started adapter hands back so `start` can shut it down on Ctrl-C or SIGTERM. */
export type RunningAdapter = { stop(): Promise<void> }

/**
 * What `start` hands every adapter from the store (src/store/open-store.ts): the question log and
 * votes, and the state several copies share (rate-limit counts, Slack retries). An adapter started
 * without them (in its own tests, the benches) keeps its state in memory and logs nothing.
 */
export type StoreOptions = { store?: Store; shared?: SharedState }

/** An adapter module: one function that connects to its platform and serves `explainer.ask()` until stopped. */
export type AdapterModule = {
  start(explainer: Explainer, config: Config, options?: StoreOptions): Promise<RunningAdapter>
}

/** What every adapter's handlers need, made once in start() (common-deps.ts); each adapter adds its own parts. */
export type CommonDeps = {
  explainer: Explainer
  platform: Platform
  /** RATE_LIMIT: questions per member per window (Discord's help states it). */
  rate: RateLimit
  /** The rate limit's counts (and Slack's answered event ids): in memory, or shared by every copy in PostgreSQL. */
  shared: SharedState
  /** The question log and votes; written without awaiting (shared/record.ts), so it never delays an answer. */
  store: Store
  /** A fresh question id (crypto.randomUUID), made before answering so the 👍/👎 buttons can carry it. */
  newId: () => string
  /** The clock of the rate limit and the log, so "try again in N s" agrees with it and tests can move it. */
  now: () => number
  /** The articles named when there is no answer, and in help: those of the knowledge answered from now. */
  readonly knownTitles: readonly string[]
  /** The url of a citation's article, for links to the quoted sentence. */
  urlOf: (citation: Citation) => string | undefined
}

/** How long a member asking too fast must wait: `seconds` for "slow down", `ms` to time reminders. */
export type Wait = { seconds: number; ms: number }

/**
 * The one rate-limit check: undefined when `user` may ask now (and the question is counted), else
 * how long to wait, for the platform's "slow down". Asynchronous: with DATABASE_URL the count is
 * one atomic upsert in PostgreSQL, so copies behind a load balancer share it.
 */
export async function waitBeforeAsking(deps: Pick<CommonDeps, 'shared' | 'platform' | 'now'>, user: string): Promise<Wait | undefined> {
  const decision = await deps.shared.takeQuestion(deps.platform, user, deps.now())
  return decision.allowed ? undefined : { seconds: retryAfterSeconds(decision.retryAfterMs), ms: decision.retryAfterMs }
}

/** A rate-limit decision on its way: await `decided` before anything is sent. */
export type PendingWait = { decided: Promise<Wait | undefined> }

/**
 * Starts the rate-limit check and returns once its statement has left, so the caller can work
 * out the answer while it travels: with DATABASE_URL the check is a PostgreSQL round trip, and
 * the core's answer (about a millisecond of synchronous work) would otherwise wait behind it.
 * Nothing may be sent before `decided` resolves; an answer worked out for a member who must slow
 * down is dropped, which costs a millisecond only to someone already asking too fast.
 */
export async function startWaitCheck(deps: Pick<CommonDeps, 'shared' | 'platform' | 'now'>, user: string): Promise<PendingWait> {
  const decided = waitBeforeAsking(deps, user)
  // A caller that returns early (help, an empty mention) never awaits it: no unhandled rejection.
  decided.catch(() => {})
  // The driver writes the statement within the promise jobs that run before the next turn of the
  // event loop, so after this the round trip overlaps the caller's synchronous work.
  await new Promise<void>((resolve) => setImmediate(resolve))
  return { decided }
}
