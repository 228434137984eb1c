import { afterEach, describe, expect, test } from 'vitest'
import { databaseState } from '../../src/store/database-state.js'
import { memoryState } from '../../src/store/memory-state.js'
import { openDatabase } from '../../src/store/open-database.js'
import { openStore } from '../../src/store/open-store.js'
import { hasher, loadSalt } from '../../src/store/salt.js'
import type { SharedState } from '../../src/store/store.js'
import { postgresDatabase, postgresServer, sqliteFile } from '../support/databases.js'

/**
 * State several copies share: in memory (one process) and in PostgreSQL, where two pools stand
 * for two copies of the bot and their calls race for real.
 */

const RATE = { limit: 5, windowMs: 30_000 }
// A window boundary, so tests can straddle one on purpose.
const EDGE = 1_800_000_000_000 - (1_800_000_000_000 % RATE.windowMs)

const opened: { close(): Promise<unknown> }[] = []
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close()
})

async function copyOn(url: string): Promise<SharedState> {
  const copy = await openStore({ store: { location: { url }, questionLog: true, retentionDays: 30 }, rateLimit: RATE }, { now: () => EDGE, log: () => {} })
  opened.push(copy.store)
  return copy.shared
}

/** The allowed count of `times`, asked in order, spread over the given states in turn. */
async function allowedOf(states: SharedState[], times: number[]): Promise<number> {
  let allowed = 0
  for (const [i, at] of times.entries()) if ((await states[i % states.length].takeQuestion('slack', 'U1', at)).allowed) allowed++
  return allowed
}

const kinds = [
  { name: 'memory', make: async () => [memoryState(RATE)], skip: false },
  {
    // The statements PostgreSQL runs, on SQLite: one code path, checked on both dialects.
    name: 'an SQLite database',
    make: async () => {
      const db = await openDatabase({ file: sqliteFile() })
      opened.push({ close: () => db.destroy() })
      return [databaseState(db, { hash: hasher(await loadSalt(db)), rate: RATE })]
    },
    skip: false,
  },
  {
    name: 'PostgreSQL (two copies)',
    make: async () => {
      const url = await postgresDatabase()
      return [await copyOn(url), await copyOn(url)]
    },
    skip: !postgresServer(),
  },
]

describe.each(kinds)('shared state in $name', ({ make, skip }) => {
  test.skipIf(skip)('5/30: five questions pass, the sixth waits, and the wait it names is enough', async () => {
    const states = await make()
    expect(
      await allowedOf(
        states,
        [0, 1, 2, 3, 4].map((i) => EDGE + 1000 + i * 100),
      ),
    ).toBe(5)
    const refused = await states[0].takeQuestion('slack', 'U1', EDGE + 2000)
    expect(refused.allowed).toBe(false)
    const wait = refused.allowed ? 0 : refused.retryAfterMs
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(2 * RATE.windowMs)
    expect((await states[1 % states.length].takeQuestion('slack', 'U1', EDGE + 2000 + wait)).allowed).toBe(true)
    // Another member, or the same id on the other platform, has a count of its own.
    expect((await states[0].takeQuestion('slack', 'U2', EDGE + 2000)).allowed).toBe(true)
    expect((await states[0].takeQuestion('discord', 'U1', EDGE + 2000)).allowed).toBe(true)
  })

  test.skipIf(skip)('a burst that straddles a window boundary is still held to the limit', async () => {
    const states = await make()
    const times = [...[3, 2, 1].map((s) => EDGE - s * 100), ...[1, 2, 3, 4, 5, 6, 7].map((s) => EDGE + s * 100)]
    expect(await allowedOf(states, times)).toBe(5)
  })

  test.skipIf(skip)('the wait named after a refusal is right to the second, after a burst and across a boundary', async () => {
    const states = await make()
    for (const [member, times] of [
      ['U5', [0, 1, 2, 3, 4].map((i) => EDGE + 100 + i)],
      ['U6', [1, 2, 3].map((i) => EDGE + RATE.windowMs - 4000 + i * 1000)],
      ['U7', [1, 2, 3, 4, 5].map((i) => EDGE + RATE.windowMs - 1000 + i * 10)],
    ] as const) {
      let at = times[times.length - 1]
      for (const t of times) await states[0].takeQuestion('slack', member, t)
      // Ask until refused, then check the named wait: a second short of it is still refused, it is enough.
      let decision = await states[0].takeQuestion('slack', member, at)
      while (decision.allowed) decision = await states[0].takeQuestion('slack', member, ++at)
      const wait = decision.retryAfterMs
      if (wait > 1000) expect((await states[0].takeQuestion('slack', member, at + wait - 1000)).allowed, `${member} too early`).toBe(false)
      expect((await states[states.length - 1].takeQuestion('slack', member, at + wait)).allowed, `${member} after ${wait} ms`).toBe(true)
    }
  })

  test.skipIf(skip)('an event id is claimed once; another id is its own', async () => {
    const states = await make()
    expect(await states[0].claimEvent('Ev1', EDGE)).toBe(true)
    expect(await states[states.length - 1].claimEvent('Ev1', EDGE + 1000)).toBe(false)
    expect(await states[0].claimEvent('Ev2', EDGE + 1000)).toBe(true)
  })
})

describe.skipIf(!postgresServer())('two copies racing on one PostgreSQL', () => {
  test('ten questions at once, alternating between the copies, with 5/30: exactly five pass', async () => {
    const url = await postgresDatabase()
    const copies = [await copyOn(url), await copyOn(url)]
    for (const member of ['U1', 'U2', 'U3']) {
      const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => copies[i % 2].takeQuestion('slack', member, EDGE + 1000 + i)))
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5)
    }
  })

  test('the same event claimed by both copies at once: exactly one claim wins, every time', async () => {
    const url = await postgresDatabase()
    const copies = [await copyOn(url), await copyOn(url)]
    const ids = Array.from({ length: 20 }, (_, i) => `Ev${i}`)
    const wins = await Promise.all(ids.map(async (id) => (await Promise.all(copies.map((c) => c.claimEvent(id, EDGE)))).filter(Boolean).length))
    expect(wins).toEqual(ids.map(() => 1))
  })
})
