import { randomUUID } from 'node:crypto'
import { type Config, DEFAULT_RATE_LIMIT } from '../../config.js'
import { urlsByTitle } from '../../core/cite.js'
import type { Explainer } from '../../core/explainer.js'
import { memoryState } from '../../store/memory-state.js'
import type { Platform } from '../../store/store.js'
import type { CommonDeps, StoreOptions } from './port.js'
import { NO_STORE } from './record.js'

/** The options every adapter's start() takes besides its own (tests and benches pass them). */
export type CommonOptions = StoreOptions & {
  /**
   * Questions per member per window, over RATE_LIMIT (config.rateLimit; default 5 in 30 s), for
   * the in-memory count used when no `shared` state is given.
   */
  rateLimit?: { limit?: number; windowMs?: number }
  /** The adapter's one clock: the rate limit, the log, conversations, Slack's dedupes; tests move it instead of waiting. */
  now?: () => number
  /** Makes question ids (default crypto.randomUUID): tests name them. */
  newId?: () => string
}

/**
 * `make`'s value for the knowledge being answered from now, made again only once a reload (live
 * knowledge swaps the knowledge whole) has replaced it: article titles, citation urls, replies kept.
 */
export function perKnowledge<T>(explainer: Explainer, make: () => T): () => T {
  let made: { of: unknown; value: T } | undefined
  return () => {
    if (!made || made.of !== explainer.knowledge) made = { of: explainer.knowledge, value: make() }
    return made.value
  }
}

/**
 * An adapter's deps, made once in its start(): the common ones (shared/port.ts) from the config
 * and options, then the adapter's own, which `own` makes from them.
 */
export function adapterDeps<Own extends object>(
  explainer: Explainer,
  platform: Platform,
  config: Config,
  options: CommonOptions,
  own: (common: CommonDeps) => Own,
): CommonDeps & Own {
  const rate = {
    limit: options.rateLimit?.limit ?? config.rateLimit?.limit ?? DEFAULT_RATE_LIMIT.limit,
    windowMs: options.rateLimit?.windowMs ?? config.rateLimit?.windowMs ?? DEFAULT_RATE_LIMIT.windowMs,
  }
  const titles = perKnowledge(explainer, () => explainer.sources().map((s) => s.title))
  const urls = perKnowledge(explainer, () => urlsByTitle(explainer.sources()))
  const common: CommonDeps = {
    explainer,
    platform,
    rate,
    shared: options.shared ?? memoryState(rate),
    store: options.store ?? NO_STORE,
    newId: options.newId ?? randomUUID,
    now: options.now ?? Date.now,
    // A getter: a reload may add or drop articles while the bot serves.
    get knownTitles() {
      return titles()
    },
    urlOf: (citation) => urls()(citation),
  }
  // Copied as property descriptors, not spread: a spread would read a getter (knownTitles, Slack's
  // showArticle) once, and a reload would never reach it.
  return Object.defineProperties(common, Object.getOwnPropertyDescriptors(own(common))) as CommonDeps & Own
}
