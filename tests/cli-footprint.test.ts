import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { APP_ID, FakeDiscord } from './discord/fake-discord.js'
import { folder } from './support/folders.js'

const root = join(import.meta.dirname, '..')

/** The modules a CLI run loaded, as recorded by tests/support/trace-imports.mjs, and what it printed. */
async function modulesLoadedBy(args: string[], env: Record<string, string> = {}): Promise<{ modules: string[]; stdout: string }> {
  const trace = join(folder({}, 'explainer-trace-'), 'modules.txt')
  // Not spawnSync: the fake Discord server answers from this process's event loop.
  const child = spawn(process.execPath, ['--import', join(root, 'tests/support/trace-imports.mjs'), join(root, 'bin/explainer.js'), ...args], {
    cwd: root,
    env: { ...process.env, TRACE_FILE: trace, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', KNOWLEDGE_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  await once(child, 'close')
  return { modules: readFileSync(trace, 'utf8').split('\n').filter(Boolean), stdout }
}

const PLATFORM_CODE = /discord\.js|@discordjs|@slack|\/adapters\/(discord|slack)\//

const fakes: FakeDiscord[] = []
afterAll(() => Promise.all(fakes.map((f) => f.close())))

describe('answering on the command line', () => {
  it('never loads discord.js or @slack/bolt', async () => {
    const { modules, stdout } = await modulesLoadedBy(['ask', 'Who is Andrew Selee?', '--json'])
    // The program ran and answered: the core was there.
    expect(JSON.parse(stdout).status).toBe('answered')
    expect(modules.filter((m) => PLATFORM_CODE.test(m))).toEqual([])
  })

  it('the trace does see discord.js when a command loads it (else the test above proves nothing)', async () => {
    // discord:deploy loads the Discord adapter and discord.js, then stops at the rejected token.
    const fake = await FakeDiscord.start({ rejectToken: true })
    fakes.push(fake)
    const { modules } = await modulesLoadedBy(['discord:deploy'], { DISCORD_TOKEN: 'test-token', DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: fake.apiUrl })
    expect(modules.some((m) => /node_modules\/discord\.js\//.test(m))).toBe(true)
  })
})
