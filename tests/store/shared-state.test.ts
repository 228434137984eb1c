import { afterEach, describe, expect, test } from 'vitest'
import { memoryState } from '../../src/store/memory-state.js'
import { type OpenedStore, openStore } from '../../src/store/open-store.js'
import { retryAfterMs, room } from '../../src/store/sliding-count.js'
import type { SharedState } from '../../src/store/store.js'
import { postgresDatabase, postgresServer } from '../support/databases.js'

/**
 * State several copies share: in memory (one process) and in PostgreSQL, where two pools stand
 * for two copies of the bot and their calls race for real.
 */

const RATE = { limit: 5, windowMs: 30_000 }
// A window boundary, so tests can straddle one on purpose.
const EDGE = 1_800_000_000_000 - (1_800_000_000_000 % RATE.windowMs)

const opened: OpenedStore[] = []
afterEach(async () => {
  for (const o of opened.splice(0)) await o.store.close()
})

async function copyOn(url: string): Promise<SharedState> {
  const copy = await openStore({ store: { location: { url }, questionLog: true, retentionDays: 30 }, rateLimit: RATE }, { now: () => EDGE, log: () => {} })
  opened.push(copy)
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

describe('the sliding-window counter', () => {
  test('weights the previous window by how much of it is still within the last window', () => {
    // At a window's start the previous window counts whole; halfway, half; near the end, almost nothing.
    expect(room(5, EDGE, RATE)).toBe(0)
    expect(room(4, EDGE + RATE.windowMs / 2, RATE)).toBe(3)
    expect(room(5, EDGE + RATE.windowMs - 1, RATE)).toBe(4)
    expect(room(0, EDGE + 7, RATE)).toBe(5)
  })

  test('the wait it names is when room() first lets one more in', () => {
    for (const [previous, current, offset] of [
      [5, 0, 100],
      [3, 2, 4000],
      [0, 5, 100],
      [5, 5, 29_000],
    ]) {
      const at = EDGE + offset
      const wait = retryAfterMs(previous, current, at, RATE)
      const then = at + wait
      // In the same window, or in the next one where this window's count becomes the previous.
      const fits = then < EDGE + RATE.windowMs ? room(previous, then, RATE) > current : room(current, then, RATE) >= 1
      expect(fits, `previous ${previous}, current ${current}, +${offset} ms: wait ${wait}`).toBe(true)
      const before = at + wait - 1000
      const fitsBefore = before < EDGE + RATE.windowMs ? room(previous, before, RATE) > current : room(current, before, RATE) >= 1
      if (wait > 1000) expect(fitsBefore).toBe(false)
    }
  })
})
