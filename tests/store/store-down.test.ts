import SQLite from 'better-sqlite3'
import { afterEach, describe, expect, test } from 'vitest'
import type { StoreConfig } from '../../src/config.js'
import { type OpenedStore, openStore } from '../../src/store/open-store.js'
import type { AskedQuestion } from '../../src/store/store.js'
import { admin as adminOn, postgresDatabase, postgresServer, sqliteFile } from '../support/databases.js'
import { folder } from '../support/folders.js'
import { tcpRelay } from '../support/tcp-proxy.js'

/**
 * A store that is down costs the member nothing: every call resolves, the problem is one log
 * line (and one when it is over), and shared state answers from memory meanwhile. The failures
 * are real: a PostgreSQL database that stops accepting connections, a network that stalls, an
 * SQLite file another connection holds locked.
 */

let clock = Date.UTC(2026, 10, 1)
const opened: OpenedStore[] = []
const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const o of opened.splice(0)) await o.store.close()
  for (const c of cleanups.splice(0)) await c()
})

function question(id: string): AskedQuestion {
  return { id, at: clock, platform: 'discord', place: 'G1', channel: 'C1', member: 'U1', question: 'q?', status: 'answered', refs: [], latencyMs: 1 }
}

async function start(location: StoreConfig['location'], lines: string[]) {
  const timing = { stateTimeoutMs: 300, stateRetryMs: 5_000, logTimeoutMs: 1_000 }
  const copy = await openStore({ store: { location, questionLog: true, retentionDays: 30 } }, { now: () => clock, log: (l) => lines.push(l), timing })
  opened.push(copy)
  return copy
}

const admin = (statement: string) => adminOn(postgresServer() ?? '', statement)

describe.skipIf(!postgresServer())('PostgreSQL down', () => {
  test('a database that refuses connections: calls resolve, one line down, one line back', async () => {
    const url = await postgresDatabase()
    const name = new URL(url).pathname.slice(1)
    const lines: string[] = []
    const { store, shared } = await start({ url }, lines)
    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`)
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`)
    for (const id of ['a', 'b', 'c']) await store.logQuestion(question(id))
    await store.vote({ questionId: 'a', platform: 'discord', member: 'U1', vote: 'up', at: clock })
    // Shared state answers from memory, with the limit still applied there.
    const decisions = []
    for (let i = 0; i < 6; i++) decisions.push((await shared.takeQuestion('discord', 'U1', clock + i)).allowed)
    expect(decisions).toEqual([true, true, true, true, true, false])
    expect(await shared.claimEvent('Ev1', clock)).toBe(true)
    expect(await shared.claimEvent('Ev1', clock)).toBe(false)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^store: cannot write the question log \(.*not currently accepting connections\); answers go on/)
    expect(lines[1]).toMatch(/^store: shared state unreachable \(.+\); this copy keeps rate limits/)

    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)
    clock += 6_000
    await store.logQuestion(question('d'))
    expect(await shared.claimEvent('Ev2', clock)).toBe(true)
    expect(lines.slice(2)).toEqual(['store: the question log works again', 'store: shared state is back in the database'])
  })

  test('a network that stalls: shared state gives up within its timeout and answers from memory', async () => {
    const url = new URL(await postgresDatabase())
    const relay = await tcpRelay({ host: url.hostname, port: Number(url.port) })
    cleanups.push(() => relay.close())
    url.host = `127.0.0.1:${relay.port}`
    const lines: string[] = []
    const { store, shared } = await start({ url: url.toString() }, lines)
    relay.freeze()
    let t = performance.now()
    expect((await shared.takeQuestion('slack', 'U1', clock)).allowed).toBe(true)
    expect(performance.now() - t).toBeLessThan(1_000)
    // Until the retry is due, calls go straight to memory.
    t = performance.now()
    expect(await shared.claimEvent('Ev1', clock)).toBe(true)
    expect(performance.now() - t).toBeLessThan(50)
    await store.logQuestion(question('a'))
    expect(lines.map((l) => l.split(' (')[0])).toEqual(['store: shared state unreachable', 'store: cannot write the question log'])
    expect(lines.every((l) => l.includes('no answer in'))).toBe(true)
    relay.thaw()
  })
})

describe('SQLite down', () => {
  test('a file another connection holds locked: calls resolve, one line, and it recovers', async () => {
    const file = sqliteFile()
    const lines: string[] = []
    const { store } = await start({ file }, lines)
    const holder = new SQLite(file)
    cleanups.push(async () => holder.close())
    holder.exec('BEGIN EXCLUSIVE')
    for (const id of ['a', 'b']) await store.logQuestion(question(id))
    expect(lines).toEqual([expect.stringMatching(/^store: cannot write the question log \(database is locked\); answers go on/)])
    holder.exec('COMMIT')
    await store.logQuestion(question('c'))
    expect(lines[1]).toBe('store: the question log works again')
    expect(holder.prepare('SELECT id FROM questions').all()).toEqual([{ id: 'c' }])
    // Failing anew is said anew, once.
    holder.exec('BEGIN EXCLUSIVE')
    for (const id of ['d', 'e']) await store.logQuestion(question(id))
    holder.exec('COMMIT')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toMatch(/^store: cannot write the question log \(database is locked\)/)
  })
})

describe('a store that cannot be opened stops the bot with one line', () => {
  test('an SQLite file that cannot be made names the file and EXPLAINER_DB', async () => {
    const blocker = `${folder({ 'a-file': 'x' })}/a-file`
    await expect(start({ file: `${blocker}/explainer.db` }, [])).rejects.toThrow(/^store: cannot open .*a-file\/explainer\.db \(.+\): check EXPLAINER_DB$/)
  })

  test('a file that is not a database', async () => {
    const dir = folder({ 'explainer.db': 'not a database, just text '.repeat(100) })
    await expect(start({ file: `${dir}/explainer.db` }, [])).rejects.toThrow(
      /^store: cannot open .*explainer\.db \(file is not a database\): check EXPLAINER_DB$/,
    )
  })

  test('a PostgreSQL nobody listens on names host, port and database but never the password', async () => {
    const error = await start({ url: 'postgres://bot:s3cret-pw@127.0.0.1:1/explainer' }, []).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).name).toBe('SetupError')
    expect((error as Error).message).toMatch(/^store: cannot open PostgreSQL at 127\.0\.0\.1:1\/explainer \(.*ECONNREFUSED.*\): check DATABASE_URL$/)
    expect((error as Error).message).not.toContain('s3cret')
  })
})
