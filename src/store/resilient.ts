import type { SharedState, Store } from './store.js'

/**
 * A store that fails never stops an answer: each call resolves, and the problem is logged once
 * (one line when it starts, one when it is over, then again once if it fails anew), not once a
 * question. Shared state falls back to this process's memory while the database is out of reach.
 */

export type Log = (line: string) => void

/**
 * How long calls may take before they count as failed. Shared state is awaited before an answer,
 * so it may hold one up half a second at most, and while it is down the database is tried again
 * every few seconds, other calls going straight to memory. Writes to the log wait on nobody.
 */
export const TIMING = { stateTimeoutMs: 500, stateRetryMs: 5_000, logTimeoutMs: 10_000 }
export type Timing = typeof TIMING

/** The first line of an error, or its code: a refused connection is an AggregateError with no message. */
export function causeOf(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; name?: unknown } | undefined
  const message = typeof e?.message === 'string' ? e.message.split('\n', 1)[0].trim() : ''
  return message || (typeof e?.code === 'string' ? e.code : '') || (typeof e?.name === 'string' ? e.name : String(error))
}

/** Whether a part of the store works, saying so only when that changes. */
function outage(log: Log, down: (cause: string) => string, up: string) {
  let failing = false
  return {
    failed(error: unknown) {
      if (failing) return
      failing = true
      log(down(causeOf(error)))
    },
    worked() {
      if (!failing) return
      failing = false
      log(up)
    },
    get failing() {
      return failing
    },
  }
}

/** `promise`, or a rejection once `ms` pass first: a stalled network never answers, it does not fail. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}

/** `timeoutMs`: a write still pending then counts as failed, so nothing waits on the log forever. */
export function resilientStore(store: Store, log: Log, timeoutMs: number = TIMING.logTimeoutMs): Store {
  const health = outage(
    log,
    (cause) => `store: cannot write the question log (${cause}); answers go on, unlogged, until it works again`,
    'store: the question log works again',
  )
  const guarded =
    <A extends unknown[]>(call: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await within(call(...args), timeoutMs)
        health.worked()
      } catch (error) {
        health.failed(error)
      }
    }
  return {
    logQuestion: guarded((q) => store.logQuestion(q)),
    vote: guarded((v) => store.vote(v)),
    prune: guarded((now) => store.prune(now)),
    async close() {
      // A stalled server would keep the pool's queries, and so the bot's shutdown, waiting forever.
      try {
        await within(store.close(), timeoutMs)
      } catch (error) {
        log(`store: could not close cleanly (${causeOf(error)})`)
      }
    },
  }
}

/**
 * Shared state that answers from `fallback` (memory) while `primary` (the database) fails or is
 * slow. Counts kept in memory meanwhile are not carried over: during an outage each copy limits on
 * its own, as it did before the store existed.
 */
export function resilientState(
  primary: SharedState,
  fallback: SharedState,
  options: { log: Log; now: () => number; timing?: Pick<Timing, 'stateTimeoutMs' | 'stateRetryMs'> },
): SharedState {
  const { log, now } = options
  const { stateTimeoutMs: timeoutMs, stateRetryMs: retryMs } = options.timing ?? TIMING
  const health = outage(
    log,
    (cause) => `store: shared state unreachable (${cause}); this copy keeps rate limits and Slack retries in its own memory until it is back`,
    'store: shared state is back in the database',
  )
  let triedAt = Number.NEGATIVE_INFINITY

  async function either<T>(fromPrimary: () => Promise<T>, fromFallback: () => Promise<T>): Promise<T> {
    if (health.failing && now() - triedAt < retryMs) return fromFallback()
    triedAt = now()
    try {
      const result = await within(fromPrimary(), timeoutMs)
      health.worked()
      return result
    } catch (error) {
      health.failed(error)
      return fromFallback()
    }
  }

  return {
    claimEvent: (eventId, at) =>
      either(
        () => primary.claimEvent(eventId, at),
        () => fallback.claimEvent(eventId, at),
      ),
    takeQuestion: (platform, member, at) =>
      either(
        () => primary.takeQuestion(platform, member, at),
        () => fallback.takeQuestion(platform, member, at),
      ),
  }
}
