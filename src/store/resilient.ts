import type { SharedState, Store } from './store.js'

/**
 * A store that fails never stops an answer: each call resolves, and the problem is logged once
 * (one line when it starts, one when it is over, then again once if it fails anew), not once a
 * question. Shared state falls back to this process's memory while the database is out of reach.
 */

export type Log = (line: string) => void

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

export function resilientStore(store: Store, log: Log): Store {
  const health = outage(
    log,
    (cause) => `store: cannot write the question log (${cause}); answers go on, unlogged, until it works again`,
    'store: the question log works again',
  )
  const guarded =
    <A extends unknown[]>(call: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await call(...args)
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
      try {
        await store.close()
      } catch (error) {
        log(`store: could not close cleanly (${causeOf(error)})`)
      }
    },
  }
}

export type FallbackOptions = {
  log: Log
  now: () => number
  /** A call that takes longer counts as failed: the member is waiting on it. */
  timeoutMs: number
  /** While down, the database is tried again at most this often; other calls go straight to memory. */
  retryMs: number
}

export const FALLBACK = { timeoutMs: 500, retryMs: 5_000 } as const

/**
 * Shared state that answers from `fallback` (memory) while `primary` (the database) fails or is
 * slow. Counts kept in memory meanwhile are not carried over: during an outage each copy limits on
 * its own, as it did before the store existed.
 */
export function resilientState(primary: SharedState, fallback: SharedState, options: FallbackOptions): SharedState {
  const { log, now, timeoutMs, retryMs } = options
  const health = outage(
    log,
    (cause) => `store: shared state unreachable (${cause}); this copy keeps rate limits and Slack retries in its own memory until it is back`,
    'store: shared state is back in the database',
  )
  let triedAt = Number.NEGATIVE_INFINITY

  async function either<T>(fromPrimary: () => Promise<T>, fromFallback: () => Promise<T>): Promise<T> {
    if (health.failing && now() - triedAt < retryMs) return fromFallback()
    triedAt = now()
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      const result = await Promise.race([fromPrimary(), late])
      health.worked()
      return result
    } catch (error) {
      health.failed(error)
      return fromFallback()
    } finally {
      clearTimeout(timer)
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
