import type { Kysely } from 'kysely'
import type { StoreConfig } from '../../src/config.js'
import { openDatabase } from '../../src/store/open-database.js'
import { type OpenedStore, openStore } from '../../src/store/open-store.js'
import type { Database } from '../../src/store/schema.js'
import type { Store } from '../../src/store/store.js'
import { sqliteFile } from './databases.js'

/**
 * A real store for the adapters' end-to-end tests, opened as `start` opens it (openStore), and a
 * second connection that reads what the bot wrote. The adapters write without awaiting, so a test
 * waits for the row it expects (`eventually`), never for a fixed time.
 */
export type TestStore = OpenedStore & {
  /** What the store logged (`store: …` lines). */
  lines: string[]
  db: Kysely<Database>
  /** Every row of every table, as text: what a dump of the store would show. */
  dump(): Promise<string>
  close(): Promise<void>
}

export async function openTestStore(location: StoreConfig['location'] = { file: sqliteFile() }, now: () => number = Date.now): Promise<TestStore> {
  const lines: string[] = []
  const opened = await openStore({ store: { location, questionLog: true, retentionDays: 30 } }, { now, log: (line) => lines.push(line) })
  const db = await openDatabase(location)
  return {
    ...opened,
    lines,
    db,
    async dump() {
      const tables = ['questions', 'votes', 'seen_events', 'rate_counts', 'meta'] as const
      return JSON.stringify(await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute())))
    },
    async close() {
      await db.destroy()
      await opened.store.close()
    },
  }
}

/** Resolves with `read()`'s first value that `done` accepts; polls every 10 ms, fails after `timeoutMs` with the last value. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * A store whose writes fail: logQuestion throws at once (not even a rejected promise), vote
 * rejects. The adapters must send the answer and log the failure either way.
 */
export function throwingStore(message: string): Store {
  return {
    logQuestion: () => {
      throw new Error(message)
    },
    vote: async () => {
      throw new Error(message)
    },
    prune: async () => {},
    close: async () => {},
  }
}
