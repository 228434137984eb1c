/**
 * The real adapter in HTTP mode on 127.0.0.1, pointed at a fake Slack, and a member's side of the
 * conversation: signed slash commands, events and button clicks. Every helper waits on what the
 * fake received, never on a timer.
 */
import type { Logger, LogLevel } from '@slack/bolt'
import { type RunningSlack, type SlackAdapterOptions, start } from '../../src/adapters/slack/index.js'
import type { Config } from '../../src/config.js'
import type { Explainer } from '../../src/core/explainer.js'
import { BOT_USER, type Captured, type FakeSlack, startFakeSlack } from './fake-slack.js'
import { type ButtonClick, buttonBody, eventBody, FORM, JSON_TYPE, SIGNING_SECRET, type SignedRequest, signed, slashCommandBody } from './signed.js'

export type LogLine = { level: 'debug' | 'info' | 'warn' | 'error'; text: string }

/** A Bolt logger that keeps what it is told (tests assert on causes) and prints nothing. */
export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = []
  // Debug lines (Bolt's request dumps) are dropped: the tests read warnings and errors.
  const keep =
    (level: LogLine['level']) =>
    (...msg: unknown[]) => {
      if (level === 'debug') return
      lines.push({ level, text: msg.map((m) => (m instanceof Error ? `${m.message}\n${m.stack}` : String(m))).join(' ') })
    }
  let current = 'info' as LogLevel
  return {
    lines,
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (level: LogLevel) => {
      current = level
    },
    getLevel: () => current,
    setName: () => {},
  }
}

export function httpConfig(apiUrl: string): Config {
  return { debug: false, slack: { botToken: 'xoxb-test', mode: 'http', signingSecret: SIGNING_SECRET, port: 0, apiUrl } }
}

export type Reply = { status: number; body: string; contentType: string }

/**
 * The message a reply carried in its body: what an ack with a message (a slash command's answer)
 * makes Slack show. Slack reads it as a message only when it is JSON, so anything else fails here.
 */
export function ackedMessage(reply: Reply): Captured {
  if (!reply.contentType.startsWith('application/json'))
    throw new Error(`the ack carried no JSON message (${reply.contentType || 'no content type'}): ${JSON.stringify(reply.body)}`)
  return { method: 'ack', body: JSON.parse(reply.body) }
}

export type SlackTestApp = {
  fake: FakeSlack
  running: RunningSlack
  logger: ReturnType<typeof recordingLogger>
  /** POSTs a request to /slack/events as it is, signed or not. */
  post(request: SignedRequest, headers?: Record<string, string>): Promise<Reply>
  /**
   * `/ask text`: resolves with the HTTP reply (the ack, which carries the answer) and the id of the
   * command's response_url (where anything after the ack would go).
   */
  command(text: string, user?: string): Promise<Reply & { responseId: string }>
  /** An Events API event with a fresh event_id (or the one given), optionally as a retry. */
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<Reply>
  click(click: Omit<ButtonClick, 'responseUrl'>): Promise<Reply & { responseId: string }>
  /** Mentions the bot in a new message; resolves with the first thing the bot sent into its thread. */
  mention(text: string, user?: string): Promise<Captured>
  /** A unique Slack timestamp, for messages and threads. */
  nextTs(): string
  /**
   * Waits until every event sent before has been handled: a DM asking for help (no core call, no
   * rate limit) goes last, and its answer comes back only after the events before it were handled.
   */
  settle(): Promise<void>
  /** What the bot sent into a thread (answers and private notes alike). */
  inThread(ts: string): Captured[]
  close(): Promise<void>
}

/** Ids (event ids, response_url ids) unique across every copy in this file: copies may share a fake and a database. */
let made = 0

/**
 * `config` adds to the HTTP-mode config (RATE_LIMIT as config.rateLimit, say). `shared` is a fake
 * Slack another copy of the bot talks to already (two copies behind one load balancer): it is
 * left running when this copy closes.
 */
export async function startSlackTestApp(
  explainer: Explainer,
  options: Omit<SlackAdapterOptions, 'logger' | 'host'> = {},
  config: Partial<Config> = {},
  shared?: FakeSlack,
): Promise<SlackTestApp> {
  const fake = shared ?? (await startFakeSlack())
  const logger = recordingLogger()
  const running = await start(explainer, { ...httpConfig(fake.apiUrl), ...config }, { retryConfig: { retries: 0 }, ...options, logger, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${running.port}/slack/events`
  const unique = (prefix: string) => `${prefix}-${++made}`

  async function post(request: SignedRequest, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(url, { method: 'POST', headers: { ...request.headers, ...headers }, body: request.body })
    return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') ?? '' }
  }

  const app: SlackTestApp = {
    fake,
    running,
    logger,
    post,
    async command(text, user = 'U1') {
      const responseId = unique('cmd')
      const reply = await post(signed(slashCommandBody({ text, user_id: user, response_url: fake.responseUrl(responseId) }), FORM))
      return { ...reply, responseId }
    },
    event(event, options = {}) {
      // Slack keeps what members write: a thread or DM read back (conversations.replies) has it.
      const isMessage = (event.type === 'message' || event.type === 'app_mention') && typeof event.ts === 'string' && !event.subtype
      if (isMessage && !fake.messages.some((m) => m.ts === event.ts && m.channel === event.channel))
        fake.messages.push({ ...(event as Record<string, string>), channel: String(event.channel), ts: String(event.ts) })
      const retry: Record<string, string> = options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}
      return post(signed(eventBody(event, options.eventId ?? unique('Ev')), JSON_TYPE), retry)
    },
    async click(click) {
      const responseId = unique('btn')
      const reply = await post(signed(buttonBody({ ...click, responseUrl: fake.responseUrl(responseId) }), FORM))
      return { ...reply, responseId }
    },
    async mention(text, user = 'U1') {
      const ts = app.nextTs()
      await app.event(mentionEvent(text, ts, user))
      return fake.waitFor((c) => c.body.thread_ts === ts, `a reply to the mention "${text}"`)
    },
    nextTs: () => fake.nextTs(),
    async settle() {
      const channel = unique('D-probe')
      await app.event({ type: 'message', channel_type: 'im', channel, user: 'U-probe', text: 'help', ts: app.nextTs() })
      await fake.waitFor((c) => c.body.channel === channel, `reply in ${channel}`)
    },
    inThread: (ts) => fake.captured.filter((c) => c.body.thread_ts === ts),
    async close() {
      await running.stop()
      if (!shared) await fake.close()
    },
  }
  return app
}

/** An app_mention event as Slack sends it: `<@UBOT> text`. */
export function mentionEvent(text: string, ts: string, user = 'U1', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', user, text: `<@${BOT_USER}> ${text}`, ts, channel: 'C1', event_ts: ts, ...extra }
}

/** A DM as Slack sends it (message.im). */
export function dmEvent(text: string, ts: string, channel = 'D1', user = 'U1', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', channel, user, text, ts, event_ts: ts, ...extra }
}
