import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { folder } from '../support/folders.js'
import { oneErrorLine, ROOT, runCli } from '../support/run-cli.js'

/** Which commands touch the store: `start` opens it first and stops on a broken one; ask, eval and chat never open it. */

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_PORT: '0', SLACK_API_URL: 'http://127.0.0.1:9/api/' }

describe('the store and the commands', () => {
  test('start stops with one line when the store cannot be opened, before connecting anywhere', async () => {
    const blocker = join(folder({ 'a-file': 'x' }), 'a-file')
    const { code, stderr } = await runCli(['start'], { env: { ...SLACK, EXPLAINER_DB: join(blocker, 'explainer.db') } })
    expect(code).toBe(1)
    expect(oneErrorLine(stderr)).toMatch(/^explainer: store: cannot open .*a-file\/explainer\.db \(.+\): check EXPLAINER_DB$/)
  })

  test('start checks DATABASE_URL, QUESTION_LOG and QUESTION_LOG_DAYS with the other variables, never echoing the url', async () => {
    for (const [env, wanted] of [
      [{ DATABASE_URL: 'mysql://bot:pw-123@db/explainer' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
      [{ QUESTION_LOG: 'maybe' }, /QUESTION_LOG must be on or off/],
      [{ QUESTION_LOG_DAYS: '0' }, /QUESTION_LOG_DAYS must be a whole number of days, at least 1/],
    ] as const) {
      const { code, stderr } = await runCli(['start'], { env: { ...SLACK, ...env } })
      expect(code).toBe(1)
      expect(oneErrorLine(stderr)).toMatch(wanted)
      expect(stderr).not.toContain('pw-123')
    }
  })

  test('ask never opens the store nor loads a database driver, whatever the store settings say', async () => {
    const db = join(folder(), 'never', 'explainer.db')
    const trace = join(folder({}, 'explainer-trace-'), 'modules.txt')
    const answer = execFileSync(
      process.execPath,
      ['--import', join(ROOT, 'tests/support/trace-imports.mjs'), join(ROOT, 'bin/explainer.js'), 'ask', 'Who is Andrew Selee?'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          TRACE_FILE: trace,
          DISCORD_TOKEN: '',
          SLACK_BOT_TOKEN: '',
          KNOWLEDGE_DIR: '',
          EXPLAINER_DB: db,
          DATABASE_URL: 'not a url',
          QUESTION_LOG: 'x',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      },
    )
    const modules = readFileSync(trace, 'utf8').split('\n').filter(Boolean)
    // The program ran and answered, and the trace recorded the run (the bundle, dist/explainer.cjs,
    // requires what it loads: tests/cli-footprint.test.ts shows the trace sees such a package).
    expect(answer).toContain('Andrew Selee')
    expect(modules.some((m) => m.endsWith('/bin/explainer.js'))).toBe(true)
    expect(modules.filter((m) => /kysely|\/pg\/|better-sqlite3|\/dist\/store\//.test(m))).toEqual([])
    expect(existsSync(db)).toBe(false)
  })
})
