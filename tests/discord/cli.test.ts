/**
 * The Discord commands as an operator runs them (`node bin/explainer.js ...`), against the fake:
 * discord:deploy, a rejected token, start stopped with Ctrl-C, and start:sharded with two shards.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/open-database.js'
import { eventually } from '../support/adapter-store.js'
import { sqliteFile } from '../support/databases.js'
import { BIN, oneErrorLine, ROOT, runCli } from '../support/run-cli.js'
import { interactionOutcome, messageBody, nextId, slashCommand, votesOf } from './driver.js'
import { APP_ID, FakeDiscord, type FakeOptions } from './fake-discord.js'

const fakes: FakeDiscord[] = []
const children: ChildProcess[] = []
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  await Promise.all(fakes.map((f) => f.close()))
})

async function fake(options: FakeOptions = {}): Promise<FakeDiscord> {
  const f = await FakeDiscord.start(options)
  fakes.push(f)
  return f
}

/** Every DISCORD_ variable set, so a developer's .env cannot change the test. */
const discordEnv = (f: FakeDiscord, over: Record<string, string> = {}) => ({
  DISCORD_TOKEN: 'test-token',
  DISCORD_CLIENT_ID: APP_ID,
  DISCORD_GUILD_ID: '',
  DISCORD_API_URL: f.apiUrl,
  KNOWLEDGE_DIR: 'knowledge',
  ...over,
})

/**
 * `explainer <command>` left running against `f`: `said(text)` resolves once its standard error
 * contains `text`, and `died` rejects, with what it said, if it exits before `expectExit()`.
 */
function serve(command: string, f: FakeDiscord, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, command], { cwd: ROOT, env: { ...process.env, DEBUG: '', SLACK_BOT_TOKEN: '', ...discordEnv(f), ...env } })
  children.push(child)
  let stderr = ''
  const readers: (() => void)[] = []
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
    for (const read of readers) read()
  })
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  const died = exited.then(([code]) => {
    throw new Error(`${command} exited early (${code}):\n${stderr}`)
  })
  return {
    child,
    died,
    said: (text: string) =>
      Promise.race([
        died,
        new Promise<void>((resolve) => {
          const read = () => stderr.includes(text) && resolve()
          readers.push(read)
          read()
        }),
      ]),
    /** From here on exiting is expected: resolves with the exit code. */
    async expectExit(): Promise<number | null> {
      died.catch(() => {})
      return (await exited)[0]
    },
  }
}

describe.concurrent('discord:deploy', () => {
  it('registers the five commands on the guild when DISCORD_GUILD_ID is set', async () => {
    const f = await fake()
    const guild = '123456789012345678'
    const { code, stdout, stderr } = await runCli(['discord:deploy'], { env: discordEnv(f, { DISCORD_GUILD_ID: guild }) })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const put = await f.waitFor((r) => r.method === 'PUT', 'the commands PUT')
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${guild}/commands`)
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(['ask', 'explain', 'summary', 'sources', 'help'])
    expect(stdout).toContain(`on server ${guild}`)
    expect(stdout).toContain('scope=bot+applications.commands')
  })

  it('registers globally, usable in DMs, without DISCORD_GUILD_ID', async () => {
    const f = await fake()
    const { code } = await runCli(['discord:deploy'], { env: discordEnv(f) })
    expect(code).toBe(0)
    const put = await f.waitFor((r) => r.method === 'PUT', 'the commands PUT')
    expect(put.path).toBe(`/applications/${APP_ID}/commands`)
    for (const c of put.body) expect(c.contexts).toContain(1)
  })

  it('names the missing DISCORD_CLIENT_ID in one line', async () => {
    const f = await fake()
    const { code, stderr } = await runCli(['discord:deploy'], { env: discordEnv(f, { DISCORD_CLIENT_ID: '' }) })
    expect(code).toBe(1)
    expect(oneErrorLine(stderr)).toMatch(/^explainer: DISCORD_CLIENT_ID is not set/)
  })
})

describe.concurrent('a token Discord rejects (401)', () => {
  for (const command of ['start', 'start:sharded', 'discord:deploy'])
    it(`${command}: one clear line and exit 1, no stack trace`, async () => {
      const f = await fake({ rejectToken: true })
      const { code, stderr } = await runCli([command], { env: discordEnv(f) })
      expect(code).toBe(1)
      expect(oneErrorLine(stderr)).toMatch(/^explainer: DISCORD_TOKEN was rejected by Discord.*reset it in the Developer Portal/)
    })
})

describe('start:sharded', () => {
  it('a shard that cannot start (no knowledge folder) stops them all: its error, then one line, exit 1', async () => {
    const f = await fake({ shards: 2 })
    const { code, stderr } = await runCli(['start:sharded'], { env: discordEnv(f, { KNOWLEDGE_DIR: 'no-such-folder' }) })
    expect(code).toBe(1)
    const lines = stderr.trimEnd().split('\n')
    expect(lines.some((l) => l.startsWith('explainer: no-such-folder: no such file or folder'))).toBe(true)
    expect(lines.at(-1)).toBe("explainer: Shard 0's process exited before its Client became ready: its own error is above")
    expect(f.identifies).toEqual([])
  })

  it('starts one process per shard Discord recommends; each identifies as its shard, answers and logs into the store', async () => {
    const f = await fake({ shards: 2 })
    const file = sqliteFile()
    // A manager that dies early fails the test at once, with what it said, instead of at the timeout.
    const manager = serve('start:sharded', f, { EXPLAINER_DB: file })
    await Promise.race([f.waitForIdentifies(2), manager.died])
    expect([...f.identifies].sort()).toEqual([
      [0, 2],
      [1, 2],
    ])
    // One question to each shard's guild: each is answered by the process that owns it.
    const asks = f.guilds.map((g) => slashCommand('ask', [{ name: 'question', type: 3, value: 'Who is Andrew Selee?' }], { guild: g }, nextId()))
    for (const [shard, payload] of asks.entries()) f.dispatch('INTERACTION_CREATE', payload, shard)
    const ids: string[] = []
    for (const payload of asks) {
      const { final } = await interactionOutcome(f, payload)
      expect(messageBody(final).embeds[0].description).toContain('Selee')
      ids.push(votesOf(messageBody(final))[0].split(':')[2])
    }
    await manager.said('answering on Discord with 2 shards')
    // Each shard logged its own question into the one store, under the id its 👍/👎 carry.
    const db = await openDatabase({ file })
    try {
      const logged = await eventually(
        () => db.selectFrom('questions').select('id').execute(),
        (rows) => rows.length === 2,
        'both shards’ questions',
      )
      expect(logged.map((r) => r.id).sort()).toEqual(ids.sort())
    } finally {
      await db.destroy()
    }

    const exit = manager.expectExit()
    manager.child.kill('SIGTERM')
    expect(await exit).toBe(0)
  }, 30_000)
})

describe('start', () => {
  it('serves Discord until Ctrl-C (SIGINT), then closes its gateway connection and exits 0', async () => {
    const f = await fake()
    const bot = serve('start', f)
    await bot.said('explainer: answering on Discord')
    expect(f.intents).toEqual([4609])
    // One question answered: the process has gone on past that line, to where it listens for Ctrl-C.
    const help = slashCommand('help', [], { guild: f.guilds[0] }, nextId())
    f.dispatch('INTERACTION_CREATE', help)
    expect((await interactionOutcome(f, help)).callback.body.type).toBe(4)
    const exit = bot.expectExit()
    bot.child.kill('SIGINT')
    expect(await exit).toBe(0)
    await f.waitForGatewayCloses(1)
    expect(f.gatewayCloses).toEqual([1000])
  })
})
