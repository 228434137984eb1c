import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Kysely } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import type { StoreConfig } from '../../src/config.js'
import { openDatabase } from '../../src/store/open-database.js'
import { type OpenedStore, openStore } from '../../src/store/open-store.js'
import type { Database } from '../../src/store/schema.js'
import type { AskedQuestion } from '../../src/store/store.js'
import { postgresDatabase, postgresServer, sqliteFile } from '../support/databases.js'
import { ROOT } from '../support/run-cli.js'

/** The store's behaviour, one test body run on a real SQLite file and on a real PostgreSQL database. */

const DAY = 86_400_000
const T0 = Date.UTC(2026, 10, 1, 12)
const IDS = { place: 'T0PLACE7781', channel: 'C0CHANNEL4410', member: 'U0MEMBER9931' }

function asked(over: Partial<AskedQuestion> = {}): AskedQuestion {
  return {
    id: crypto.randomUUID(),
    at: T0,
    platform: 'slack',
    ...IDS,
    question: 'Who signed the accord?',
    status: 'answered',
    refs: ['Accord#3', 'Accord#4'],
    article: 'Accord',
    latencyMs: 1.5,
    ...over,
  }
}

/** Opens the store in a new Node process (the compiled program) and logs one question there. */
function logFromAnotherProcess(where: StoreConfig['location'], q: AskedQuestion): Promise<void> {
  const script = `
    const { openStore } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/store/open-store.js')).href)})
    const { store } = await openStore({ store: { location: ${JSON.stringify(where)}, questionLog: true, retentionDays: 30 } }, { now: Date.now, log: (l) => { throw new Error(l) } })
    await store.logQuestion(${JSON.stringify(q)})
    await store.close()`
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', script], (error, _out, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(),
    ),
  )
}

const dialects = [
  { name: 'SQLite', location: async () => ({ file: sqliteFile() }), skip: false },
  { name: 'PostgreSQL', location: async () => ({ url: await postgresDatabase() }), skip: !postgresServer() },
]

describe.each(dialects)('the store on $name', ({ location, skip }) => {
  const open: { close(): Promise<unknown> }[] = []
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close()
  })
  let clock = T0
  const lines: string[] = []
  async function start(where: StoreConfig['location'], over: Partial<StoreConfig> = {}): Promise<OpenedStore> {
    const opened = await openStore(
      { store: { location: where, questionLog: true, retentionDays: 30, ...over } },
      { now: () => clock, log: (l) => lines.push(l) },
    )
    open.push(opened.store)
    return opened
  }
  async function inspect(where: StoreConfig['location']): Promise<Kysely<Database>> {
    const db = await openDatabase(where)
    open.push({ close: () => db.destroy() })
    return db
  }
  /** Every row of every table, as text: what a dump of the store would show. */
  async function dump(db: Kysely<Database>): Promise<string> {
    const tables = ['questions', 'votes', 'seen_events', 'rate_counts', 'meta'] as const
    const rows = await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute()))
    return JSON.stringify(rows)
  }

  test.skipIf(skip)('logs a question with its ids hashed: no member, channel or place id in clear in any table', async () => {
    clock = T0
    const where = await location()
    const { store, shared } = await start(where)
    const q = asked()
    await store.logQuestion(q)
    await store.vote({ questionId: q.id, platform: 'slack', member: IDS.member, vote: 'down', at: T0 + 1000 })
    await shared.takeQuestion('slack', IDS.member, T0)
    const db = await inspect(where)
    const row = await db.selectFrom('questions').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ id: q.id, asked_at: T0, platform: 'slack', question: q.question, status: 'answered', article: 'Accord', latency_ms: 1.5 })
    expect(JSON.parse(row.refs)).toEqual(['Accord#3', 'Accord#4'])
    for (const hashed of [row.place, row.channel, row.member]) expect(hashed).toMatch(/^[0-9a-f]{32}$/)
    expect(new Set([row.place, row.channel, row.member]).size).toBe(3)
    const text = await dump(db)
    for (const id of Object.values(IDS)) expect(text).not.toContain(id)
    expect(lines).toEqual([])
  })

  test.skipIf(skip)('a second open of the same store hashes the same member the same way (one salt, kept)', async () => {
    const where = await location()
    const first = await start(where)
    await first.store.logQuestion(asked({ id: 'a' }))
    const second = await start(where)
    await second.store.logQuestion(asked({ id: 'b' }))
    const members = await (await inspect(where)).selectFrom('questions').select('member').execute()
    expect(members).toHaveLength(2)
    expect(members[0].member).toBe(members[1].member)
  })

  test.skipIf(skip)('two copies opening a new store at once migrate it once and share one salt', async () => {
    const where = await location()
    // Two processes, as two copies are (better-sqlite3 waits for a lock synchronously, so two
    // connections in one process would wait on each other).
    await Promise.all(['q0', 'q1'].map((id) => logFromAnotherProcess(where, asked({ id }))))
    const db = await inspect(where)
    const members = await db.selectFrom('questions').select('member').execute()
    expect(members).toHaveLength(2)
    expect(members[0].member).toBe(members[1].member)
    expect(await db.selectFrom('meta').select('key').execute()).toEqual([{ key: 'salt' }])
  })

  test.skipIf(skip)('QUESTION_LOG=off keeps no text, member or channel, and votes cannot be tied to one member', async () => {
    const where = await location()
    const { store } = await start(where, { questionLog: false })
    const [a, b] = [asked(), asked({ status: 'not_found', refs: [], article: undefined })]
    for (const q of [a, b]) {
      await store.logQuestion(q)
      await store.vote({ questionId: q.id, platform: 'slack', member: IDS.member, vote: 'up', at: T0 })
    }
    const db = await inspect(where)
    const rows = await db.selectFrom('questions').selectAll().orderBy('status').execute()
    expect(rows.map((r) => [r.status, r.question, r.member, r.channel, r.article])).toEqual([
      ['answered', null, null, null, 'Accord'],
      ['not_found', null, null, null, null],
    ])
    expect(rows[0].place).toMatch(/^[0-9a-f]{32}$/)
    const voters = await db.selectFrom('votes').select('member').execute()
    expect(voters).toHaveLength(2)
    expect(voters[0].member).not.toBe(voters[1].member)
    expect(await dump(db)).not.toContain('Who signed')
  })

  test.skipIf(skip)('one vote per member per answer: a second click changes it', async () => {
    const where = await location()
    const { store } = await start(where)
    const q = asked()
    await store.logQuestion(q)
    await store.vote({ questionId: q.id, platform: 'slack', member: IDS.member, vote: 'up', at: T0 })
    await store.vote({ questionId: q.id, platform: 'slack', member: IDS.member, vote: 'down', at: T0 + 5 })
    await store.vote({ questionId: q.id, platform: 'slack', member: 'U0OTHER', vote: 'up', at: T0 + 9 })
    const votes = await (await inspect(where)).selectFrom('votes').select(['vote', 'voted_at']).orderBy('voted_at').execute()
    expect(votes).toEqual([
      { vote: -1, voted_at: T0 + 5 },
      { vote: 1, voted_at: T0 + 9 },
    ])
  })

  test.skipIf(skip)('retention: questions older than QUESTION_LOG_DAYS go, with their votes and old shared state; newer ones stay', async () => {
    const where = await location()
    clock = T0
    const { store, shared } = await start(where, { retentionDays: 7 })
    const old = asked({ at: T0 - 8 * DAY })
    const recent = asked({ at: T0 - 6 * DAY })
    for (const q of [old, recent]) {
      await store.logQuestion(q)
      await store.vote({ questionId: q.id, platform: 'slack', member: IDS.member, vote: 'up', at: q.at })
    }
    // A vote whose question was never logged (the log was down then) goes when it is as old.
    await store.vote({ questionId: 'never-logged', platform: 'slack', member: IDS.member, vote: 'down', at: T0 - 8 * DAY })
    const db = await inspect(where)
    await db
      .insertInto('seen_events')
      .values({ event_id: 'Ev-old', seen_at: T0 - 3_600_000 })
      .execute()
    await db.insertInto('seen_events').values({ event_id: 'Ev-new', seen_at: T0 }).execute()
    await db
      .insertInto('rate_counts')
      .values({ member: 'x', window_start: T0 - 3_600_000, count: 2 })
      .execute()
    await shared.takeQuestion('slack', IDS.member, T0)
    await store.prune(T0)
    expect(await db.selectFrom('questions').select('id').execute()).toEqual([{ id: recent.id }])
    expect(await db.selectFrom('votes').select('question_id').execute()).toEqual([{ question_id: recent.id }])
    expect((await db.selectFrom('seen_events').select('event_id').execute()).map((r) => r.event_id)).toEqual(['Ev-new'])
    expect(await db.selectFrom('rate_counts').select('window_start').execute()).not.toContainEqual({ window_start: T0 - 3_600_000 })
  })

  test.skipIf(skip)('opening prunes at once, then again on its timer', async () => {
    const where = await location()
    const seed = await start(where)
    await seed.store.logQuestion(asked({ id: 'old', at: T0 - 40 * DAY }))
    await seed.store.logQuestion(asked({ id: 'later-old', at: T0 - 29 * DAY }))
    let tick: () => void = () => {}
    clock = T0
    const opened = await openStore(
      { store: { location: where, questionLog: true, retentionDays: 30 } },
      {
        now: () => clock,
        log: (l) => lines.push(l),
        every: (_ms, task) => {
          tick = task
          return () => {}
        },
      },
    )
    open.push(opened.store)
    const db = await inspect(where)
    const ids = async () => (await db.selectFrom('questions').select('id').execute()).map((r) => r.id)
    expect(await ids()).toEqual(['later-old'])
    clock = T0 + 2 * DAY
    tick()
    await expect.poll(ids).toEqual([])
  })

  test.skipIf(skip)('prune: false (a shard of start:sharded) deletes nothing, at open or later: its parent prunes', async () => {
    const where = await location()
    const seed = await start(where)
    await seed.store.logQuestion(asked({ id: 'old', at: T0 - 40 * DAY }))
    clock = T0
    let timers = 0
    const opened = await openStore(
      { store: { location: where, questionLog: true, retentionDays: 30 } },
      {
        now: () => clock,
        log: (l) => lines.push(l),
        prune: false,
        every: () => {
          timers++
          return () => {}
        },
      },
    )
    open.push(opened.store)
    await opened.store.logQuestion(asked({ id: 'new', at: T0 }))
    const db = await inspect(where)
    expect((await db.selectFrom('questions').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['new', 'old'])
    expect(timers).toBe(0)
  })
})

test('an SQLite file in a folder that does not exist yet: the folder is made', async () => {
  const file = `${sqliteFile()}.d/state/explainer.db`
  const { store } = await openStore({ store: { location: { file }, questionLog: true, retentionDays: 30 } }, { now: () => T0, log: () => {} })
  try {
    await store.logQuestion(asked())
  } finally {
    await store.close()
  }
  const db = await openDatabase({ file })
  expect(await db.selectFrom('questions').select('id').execute()).toHaveLength(1)
  await db.destroy()
})
