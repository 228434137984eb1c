import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DEFAULT_RATE_LIMIT, SetupError, type StoreConfig } from '../config.js'
import { HOUR_MS } from '../core/time.js'
import { databaseState } from './database-state.js'
import { databaseStore } from './database-store.js'
import { memoryState } from './memory-state.js'
import { openDatabase } from './open-database.js'
import { causeOf, type Log, resilientState, resilientStore, TIMING, type Timing } from './resilient.js'
import { hasher, loadSalt } from './salt.js'
import { EVENT_TTL_MS, type RateLimit } from './state-limits.js'
import type { SharedState, Store } from './store.js'

/**
 * Opens the store `start` serves with: the database migrated, old rows pruned, then pruned again
 * every `pruneEveryMs`. What cannot be opened or migrated stops the bot with one line (SetupError);
 * once open, a failing store only logs (resilient.ts). With DATABASE_URL the shared state lives in
 * PostgreSQL (copies agree on retries and rate limits); with the SQLite file it stays in each
 * process's memory, as before the store: a file serves one host, several copies need DATABASE_URL.
 */
export type OpenedStore = { store: Store; shared: SharedState }

export type StoreDeps = {
  now: () => number
  /** One line per problem, `store: …` (the caller adds its own prefix). */
  log: Log
  /**
   * False: this process never deletes old rows, another one does (a shard of start:sharded; its
   * parent prunes for every shard). Default true.
   */
  prune?: boolean
  /** How often old rows are deleted while serving (default hourly). */
  pruneEveryMs?: number
  /** Runs `task` every `ms` until the returned function is called; tests pass their own. */
  every?: (ms: number, task: () => void) => () => void
  /** When a slow store counts as down (resilient.ts); tests shorten it. */
  timing?: Partial<Timing>
}

function repeat(ms: number, task: () => void): () => void {
  const timer = setInterval(task, ms)
  // Pruning must not keep a stopping process alive.
  timer.unref()
  return () => clearInterval(timer)
}

/** Where the store is, for messages: never the url's password. */
export function describeLocation(location: StoreConfig['location']): { where: string; variable: string } {
  if ('file' in location) return { where: location.file, variable: 'EXPLAINER_DB' }
  try {
    const url = new URL(location.url)
    return { where: `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`, variable: 'DATABASE_URL' }
  } catch {
    return { where: 'PostgreSQL', variable: 'DATABASE_URL' }
  }
}

export async function openStore(config: { store: StoreConfig; rateLimit?: RateLimit }, deps: StoreDeps): Promise<OpenedStore> {
  const { location, questionLog, retentionDays } = config.store
  const rate = config.rateLimit ?? DEFAULT_RATE_LIMIT
  const { where, variable } = describeLocation(location)
  const problem = (error: unknown) => new SetupError(`store: cannot open ${where} (${causeOf(error)}): check ${variable}`)

  let db: Awaited<ReturnType<typeof openDatabase>>
  let salt: string
  try {
    if ('file' in location) mkdirSync(dirname(location.file), { recursive: true })
    db = await openDatabase(location)
  } catch (error) {
    throw problem(error)
  }
  try {
    salt = await loadSalt(db)
  } catch (error) {
    await db.destroy().catch(() => {})
    throw problem(error)
  }
  const hash = hasher(salt)
  const inner = databaseStore(db, { hash, questionLog, retentionDays, stateMs: { events: EVENT_TTL_MS, rates: 2 * rate.windowMs } })
  const timing = { ...TIMING, ...deps.timing }
  const store = resilientStore(inner, deps.log, timing.logTimeoutMs)
  let stop = () => {}
  if (deps.prune !== false) {
    await store.prune(deps.now())
    stop = (deps.every ?? repeat)(deps.pruneEveryMs ?? HOUR_MS, () => void store.prune(deps.now()))
  }

  const shared =
    'url' in location ? resilientState(databaseState(db, { hash, rate }), memoryState(rate), { log: deps.log, now: deps.now, timing }) : memoryState(rate)
  return {
    store: {
      ...store,
      async close() {
        stop()
        await store.close()
      },
    },
    shared,
  }
}
