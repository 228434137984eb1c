import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/report-data.js'
import { openDatabase } from '../../src/store/open-database.js'
import { postgresDatabase, postgresServer, sqliteFile } from '../support/databases.js'
import { oneErrorLine, runCli } from '../support/run-cli.js'
import { fillStore, IDS } from './fill-store.js'

/** `explainer report` as an operator runs it, on a store filled through the bot's own Store. */

const KNOWLEDGE = ['--knowledge', 'tests/fixtures/knowledge']
const report = (file: string, args: string[] = [], env: Record<string, string> = {}) =>
  runCli(['report', ...args], { env: { EXPLAINER_DB: file, DATABASE_URL: '', ...env } })

/** Every hash the store holds (members, places, channels, voters) and its salt: none may reach a report. */
async function secretsOf(file: string): Promise<string[]> {
  const db = await openDatabase({ file })
  try {
    const q = await db.selectFrom('questions').select(['place', 'channel', 'member']).execute()
    const v = await db.selectFrom('votes').select('member').execute()
    const meta = await db.selectFrom('meta').select('value').execute()
    return [...q.flatMap((r) => [r.place, r.channel, r.member]), ...v.map((r) => r.member), ...meta.map((m) => m.value)].filter(
      (s): s is string => typeof s === 'string' && s.length >= 12,
    )
  } finally {
    await db.destroy()
  }
}

function expectNothingIdentifying(output: string, secrets: readonly string[]): void {
  for (const id of [...IDS.places, ...IDS.channels, ...IDS.members]) expect(output).not.toContain(id)
  // Twelve characters of a hash are as telling as the whole of it.
  for (const s of secrets) expect(output).not.toContain(s.slice(0, 12))
}

describe('explainer report', () => {
  let file: string
  let secrets: string[]
  beforeAll(async () => {
    file = sqliteFile()
    await fillStore({ file }, Date.now())
    secrets = await secretsOf(file)
    expect(secrets.length).toBeGreaterThan(10)
  })

  it('prints the week as text: counts, grouped unanswered questions, the voted-down answer and its sentence, the alias lines', async () => {
    const run = await report(file, KNOWLEDGE)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^10 questions from 4 members: 3 answered \(33%\), 6 not found, 1 invalid\. Votes: 2 up 👍, 2 down 👎\.$/m)
    expect(run.stdout).toMatch(/^ {2}3× {2}Who was Kuill\? {2}\(3 members; also typed "who was kuill", "WHO WAS KUILL\?\?\?"\)$/m)
    expect(run.stdout).toMatch(/2 down 👎, 1 up 👍: {2}"When did the work on the tower begin\?"\n {6}alder-lighthouse#p2: "Work on the tower began in 1841/)
    expect(run.stdout).toContain('add to tests/fixtures/knowledge/alder-lighthouse/aliases.txt:  kuill = Quill')
    expect(run.stdout).not.toContain('What happened ten days ago?')
    expectNothingIdentifying(run.stdout, secrets)
  })

  it('--json: one object with every part, and nothing that identifies a member or a place', async () => {
    const run = await report(file, [...KNOWLEDGE, '--json', '--since', '30d'])
    expect(run.code).toBe(0)
    const r: Report = JSON.parse(run.stdout)
    expect(Object.keys(r)).toEqual(['since', 'until', 'totals', 'days', 'articles', 'unanswered', 'unansweredWithoutText', 'votedDown', 'suggestions', 'notes'])
    expect(r.totals.questions).toBe(11)
    expect(r.unanswered.map((g) => g.count)).toEqual([3, 1, 1, 1, 1])
    expect(r.suggestions.map((s) => (s.kind === 'alias' ? s.line : `missing ${s.word}`))).toEqual(['kuill = Quill', 'towr = tower', 'missing ferry'])
    expectNothingIdentifying(run.stdout, secrets)
  })

  it('--html FILE writes the page beside the text, and it identifies no one either', async () => {
    const page = join(dirname(file), 'week.html')
    const run = await report(file, [...KNOWLEDGE, '--html', page])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(`explainer: report written to ${page}\n`)
    const html = readFileSync(page, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<svg class="chart"')
    expect(html).toContain('kuill = Quill')
    expectNothingIdentifying(html, secrets)
  })

  it('without articles to read, still reports, with one note instead of the sentences and suggestions', async () => {
    const run = await report(file, ['--json'], { KNOWLEDGE_DIR: join(dirname(file), 'no-such-folder') })
    expect(run.code).toBe(0)
    const r: Report = JSON.parse(run.stdout)
    expect(r.notes).toEqual([expect.stringMatching(/^no articles to look cited sentences up in \(.*no-such-folder: no such file or folder/)])
    expect(r.votedDown[0].cited).toEqual([{ ref: 'alder-lighthouse#p2' }])
    expect(r.unanswered).toHaveLength(4)
  })

  it('a store not made yet is a report of nothing that says what fills it, exit 0, and creates no file', async () => {
    const missing = join(dirname(file), 'none', 'explainer.db')
    const run = await report(missing)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Note: no questions logged yet at ${missing}: the store fills when the bot serves on Discord or Slack`)
    const json = await report(missing, ['--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ totals: { questions: 0 }, days: [], unanswered: [] })
    expect(existsSync(dirname(missing))).toBe(false)
  })

  it('reads without writing: a folder without a store, or a store without tables, is left as it was', async () => {
    const folder = dirname(sqliteFile())
    const missing = join(folder, 'explainer.db')
    expect((await report(missing)).stdout).toContain(`Note: no questions logged yet at ${missing}`)
    expect(readdirSync(folder)).toEqual([])
    // A file the bot has not migrated yet (here an empty one): the report makes no tables in it.
    writeFileSync(missing, '')
    const run = await report(missing)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Note: no questions logged yet at ${missing}`)
    expect(readdirSync(folder)).toEqual(['explainer.db'])
    expect(statSync(missing).size).toBe(0)
  })

  it('reads while another process holds a write transaction on the SQLite file', async () => {
    const writer = new SQLite(file)
    try {
      writer.exec('begin immediate')
      writer.exec("update questions set status = 'answered'")
      const run = await report(file, ['--json'])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      // The uncommitted change is not seen: the report read the last committed state.
      expect(JSON.parse(run.stdout).totals).toMatchObject({ questions: 10, answered: 3 })
    } finally {
      writer.exec('rollback')
      writer.close()
    }
  })

  it('QUESTION_LOG=off: counts without text, members or groups', async () => {
    const off = sqliteFile()
    await fillStore({ file: off }, Date.now(), { questionLog: false })
    const run = await report(off, [...KNOWLEDGE, '--json'])
    const r: Report = JSON.parse(run.stdout)
    expect(r.totals).toMatchObject({ questions: 10, answered: 3, members: 0 })
    expect(r.unanswered).toEqual([])
    expect(r.unansweredWithoutText).toBe(6)
    expect(r.votedDown).toEqual([expect.objectContaining({ question: null, down: 2, up: 1 })])
    expect((await report(off, KNOWLEDGE)).stdout).toContain('6 questions without text (asked while QUESTION_LOG=off)')
  })

  it('bad arguments: one line, exit 2', async () => {
    for (const args of [['--since', 'last week'], ['--since', '0d'], ['--since', '2999-01-01'], ['extra'], ['--html']]) {
      const run = await report(file, args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(oneErrorLine(run.stderr)).toMatch(/^explainer: (--since must be|report takes no arguments|--html needs a value)/)
    }
  })

  it('a broken setup: one line naming what to fix, exit 1, and never the database password', async () => {
    const notADatabase = join(dirname(file), 'notes.txt')
    writeFileSync(notADatabase, 'these are not the tables you are looking for\n'.repeat(200))
    const cases: [Record<string, string>, string[], RegExp][] = [
      [{ EXPLAINER_DB: notADatabase }, [], /^explainer: store: cannot open .*notes\.txt \(.+\): check EXPLAINER_DB$/],
      [{ DATABASE_URL: 'mysql://u:hunter2@127.0.0.1/x' }, [], /^explainer: DATABASE_URL must be a postgres:\/\//],
      [
        { DATABASE_URL: 'postgres://u:hunter2@127.0.0.1:1/x' },
        [],
        /^explainer: store: cannot open PostgreSQL at 127\.0\.0\.1:1\/x \(.+\): check DATABASE_URL$/,
      ],
      [{}, ['--html', join(dirname(file), 'no', 'such', 'folder.html')], /^explainer: .*folder\.html: cannot be written \(ENOENT\)/],
    ]
    for (const [env, args, line] of cases) {
      const run = await report(file, args, env)
      expect(run.code, JSON.stringify(env)).toBe(1)
      expect(oneErrorLine(run.stderr)).toMatch(line)
      expect(run.stderr).not.toContain('hunter2')
    }
  })

  it.skipIf(!postgresServer())('a PostgreSQL database the bot has not served with: nothing logged yet, and no tables made', async () => {
    const url = await postgresDatabase()
    const run = await report(file, [], { DATABASE_URL: url })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Note: no questions logged yet at PostgreSQL at /)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query("select table_name from information_schema.tables where table_schema = 'public'")
      expect(rows).toEqual([])
    } finally {
      await client.end()
    }
  })

  it.skipIf(!postgresServer())('reads PostgreSQL through DATABASE_URL the same as the SQLite file', async () => {
    const url = await postgresDatabase()
    const now = Date.now()
    await fillStore({ url }, now)
    const [pg, lite] = await Promise.all([report(file, [...KNOWLEDGE, '--json'], { DATABASE_URL: url }), report(file, [...KNOWLEDGE, '--json'])])
    expect(pg.code).toBe(0)
    const strip = (r: Report) => ({ ...r, since: '', until: '', unanswered: r.unanswered.map((g) => ({ ...g, lastAskedAt: '' })) })
    expect(strip(JSON.parse(pg.stdout))).toEqual(strip(JSON.parse(lite.stdout)))
  })
})
