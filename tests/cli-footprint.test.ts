import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')

/** The modules a CLI run resolved, as recorded by tests/support/trace-hooks.mjs. */
function modulesResolvedBy(args: string[]): string[] {
  const trace = join(mkdtempSync(join(tmpdir(), 'explainer-trace-')), 'modules.txt')
  execFileSync(process.execPath, ['--import', join(root, 'tests/support/trace-imports.mjs'), join(root, 'bin/explainer.js'), ...args], {
    cwd: root,
    env: { ...process.env, TRACE_FILE: trace, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', KNOWLEDGE_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean)
}

describe('answering on the command line', () => {
  it('never loads discord.js or @slack/bolt', () => {
    const modules = modulesResolvedBy(['ask', 'Who is Andrew Selee?', '--json'])
    // The trace must have seen the core, or it proves nothing.
    expect(modules.some((m) => m.includes('/dist/core/answer.js'))).toBe(true)
    expect(modules.filter((m) => /discord\.js|@discordjs|@slack|\/dist\/adapters\/(discord|slack)\//.test(m))).toEqual([])
  })
})
