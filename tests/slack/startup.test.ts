/**
 * Connecting: a rejected token is one clear line and a non-zero exit, never a stack trace; Socket
 * Mode connects through apps.connections.open and answers what arrives over the WebSocket.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterEach, describe, expect, it } from 'vitest'
import { start } from '../../src/adapters/slack/index.js'
import { SetupError } from '../../src/config.js'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { openDatabase } from '../../src/store/open-database.js'
import { eventually } from '../support/adapter-store.js'
import { sqliteFile } from '../support/databases.js'
import { BIN, oneErrorLine, ROOT, runCli } from '../support/run-cli.js'
import { type Captured, type FakeSlack, startFakeSlack } from './fake-slack.js'
import { ackedMessage, httpConfig, mentionEvent, recordingLogger } from './harness.js'
import { buttonsOf, offeredButtonsOf, visibleText } from './inspect.js'
import { buttonBody, eventBody, FORM, SIGNING_SECRET, signed, slashCommandBody } from './signed.js'

const explainer = createExplainer(loadKnowledge('knowledge'))
const rejected = { ok: false as const, error: 'invalid_auth' }

let fake: FakeSlack | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

describe('a wrong token', () => {
  it('start() rejects with one line naming SLACK_BOT_TOKEN and the reason', async () => {
    fake = await startFakeSlack({ auth: rejected })
    const failure = start(explainer, httpConfig(fake.apiUrl), { logger: recordingLogger(), host: '127.0.0.1', retryConfig: { retries: 0 } })
    await expect(failure).rejects.toBeInstanceOf(SetupError)
    await expect(failure).rejects.toThrow(/^SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\): .*OAuth & Permissions/)
  })

  it('`explainer start` prints that line alone and exits 1', async () => {
    fake = await startFakeSlack({ auth: rejected })
    const env = { SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 'secret', SLACK_PORT: '0', SLACK_API_URL: fake.apiUrl, SLACK_APP_TOKEN: '' }
    const { code, stderr } = await runCli(['start'], { env })
    expect(code).toBe(1)
    expect(oneErrorLine(stderr)).toMatch(/^explainer: SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\): /)
  })

  it('a rejected app token names SLACK_APP_TOKEN', async () => {
    fake = await startFakeSlack({ appAuth: rejected })
    const config = { debug: false, slack: { botToken: 'xoxb-test', mode: 'socket' as const, appToken: 'xapp-wrong', port: 0, apiUrl: fake.apiUrl } }
    await expect(start(explainer, config, { logger: recordingLogger(), retryConfig: { retries: 0 } })).rejects.toThrow(
      /^SLACK_APP_TOKEN was rejected by Slack \(invalid_auth\): /,
    )
  })
})

describe('Socket Mode', () => {
  it('connects with the app token and answers a mention, and /ask in its ack, over the socket', async () => {
    fake = await startFakeSlack()
    const config = { debug: false, slack: { botToken: 'xoxb-test', mode: 'socket' as const, appToken: 'xapp-test', port: 0, apiUrl: fake.apiUrl } }
    const running = await start(explainer, config, { logger: recordingLogger(), retryConfig: { retries: 0 } })
    try {
      expect(running.mode).toBe('socket')
      expect(running.port).toBeUndefined()
      const ts = '1700000001.000100'
      await fake.sendEnvelope('events_api', JSON.parse(eventBody(mentionEvent('Who is Andrew Selee?', ts), 'Ev-socket')))
      const reply = await fake.waitFor((c) => c.body.thread_ts === ts, 'the answer to the socket event')
      expect(visibleText(reply)).toContain('Migration Policy Institute')

      const command = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: 'Who is Andrew Selee?', response_url: fake.responseUrl('socket') })))
      const acked = (await fake.sendEnvelope('slash_commands', command)) as Captured['body']
      const answer: Captured = { method: 'ack', body: acked }
      expect(answer.body.response_type).toBe('ephemeral')
      expect(visibleText(answer)).toContain('Migration Policy Institute')
      expect(offeredButtonsOf(answer).at(-1)).toMatchObject({ action_id: 'share_answer' })
    } finally {
      await running.stop()
    }
  })
})

/**
 * `explainer start` in HTTP mode against the fake Slack, with `env` on top: resolves once stderr
 * shows everything `ready` waits for, with the port Bolt listens on and stderr so far.
 */
async function startHttp(env: Record<string, string>, ready: (stderr: string) => boolean = () => true) {
  if (!fake) throw new Error('start the fake Slack first')
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      KNOWLEDGE_DIR: '',
      DISCORD_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: '0',
      ...env,
    },
    timeout: 15_000,
  })
  let stderr = ''
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
      const m = stderr.match(/listening on port (\d+)/)
      if (m && ready(stderr)) resolve(Number(m[1]))
    })
    child.on('exit', () => reject(new Error(`exited before serving:\n${stderr}`)))
  })
  /** Clicks a button of an answer; resolves once the bot has replied to the click's response_url. */
  const click = async (actionId: string, value: string) => {
    const request = signed(buttonBody({ actionId, value, channel: 'C1', ephemeral: true, responseUrl: fake?.responseUrl('click') ?? '' }), FORM)
    const ack = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: request.headers, body: request.body })
    expect(ack.status).toBe(200)
    return fake?.waitFor((c) => c.responseId === 'click', 'the reply to the click')
  }
  /** Sends a signed /ask and returns what the acknowledgement carried. */
  const ask = async (text: string) => {
    const request = signed(slashCommandBody({ text, response_url: fake?.responseUrl('cli') ?? '' }), FORM)
    const ack = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: request.headers, body: request.body })
    expect(ack.status).toBe(200)
    return ackedMessage({ status: ack.status, body: await ack.text(), contentType: ack.headers.get('content-type') ?? '' })
  }
  const stop = async () => {
    child.kill('SIGINT')
    const [code] = await once(child, 'exit')
    return { code, stderr }
  }
  return { ask, click, stop, stderr: () => stderr }
}

describe('`explainer start` with SLACK_BOT_TOKEN and a signing secret', () => {
  it('serves /ask over HTTP, then stops cleanly on Ctrl-C', async () => {
    fake = await startFakeSlack()
    // Without the trailing slash: the Web API base is joined either way.
    const bot = await startHttp({ SLACK_API_URL: fake.apiUrl.replace(/\/$/, '') })
    expect(visibleText(await bot.ask('Who is Andrew Selee?'))).toContain('Migration Policy Institute')
    const { code, stderr } = await bot.stop()
    expect(code).toBe(0)
    expect(stderr).toContain('answering on Slack')
  })
})

describe('`explainer start` with the store (EXPLAINER_DB)', () => {
  it('logs the question it answered and the 👍 on it into the SQLite file, the member hashed', async () => {
    fake = await startFakeSlack()
    const file = sqliteFile()
    const bot = await startHttp({ SLACK_API_URL: fake.apiUrl, EXPLAINER_DB: file })
    const answer = await bot.ask('What is the boiling point of mercury on Jupiter?')
    const up = buttonsOf(answer).find((b) => b.action_id === 'vote_up')
    expect(up?.value).toMatch(/^[0-9a-f-]{36}$/)
    expect(visibleText((await bot.click('vote_up', up?.value ?? '')) as Captured)).toContain('Thanks, noted.')
    const db = await openDatabase({ file })
    try {
      const [row] = await eventually(
        () => db.selectFrom('questions').selectAll().execute(),
        (rows) => rows.length === 1,
        'the logged question',
      )
      expect(row).toMatchObject({ id: up?.value, platform: 'slack', status: 'not_found', question: 'What is the boiling point of mercury on Jupiter?' })
      expect(row.member).not.toBe('U1')
      await eventually(
        () => db.selectFrom('votes').selectAll().execute(),
        (votes) => votes.length === 1 && votes[0].question_id === up?.value && votes[0].vote === 1,
        'the stored 👍',
      )
    } finally {
      await db.destroy()
    }
    expect((await bot.stop()).code).toBe(0)
  })
})

describe('`explainer start` with Slack and a Discord it cannot reach', () => {
  it('serves Slack while it retries Discord, and stops both cleanly on Ctrl-C', async () => {
    fake = await startFakeSlack()
    const env = { DISCORD_TOKEN: 'test-token', DISCORD_API_URL: 'http://127.0.0.1:1/api', SLACK_API_URL: fake.apiUrl }
    const bot = await startHttp(env, (stderr) => stderr.includes('answering on Slack') && stderr.includes('trying again'))
    expect(bot.stderr()).toMatch(/explainer: Discord: cannot reach Discord at .*ECONNREFUSED.*; trying again in 2 s/)
    expect(visibleText(await bot.ask('Who is Andrew Selee?'))).toContain('Migration Policy Institute')
    const { code } = await bot.stop()
    expect(code).toBe(0)
  })
})
