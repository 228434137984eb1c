/**
 * A fake Slack on 127.0.0.1: the Web API methods the bot calls (auth.test, chat.postMessage,
 * chat.postEphemeral, conversations.replies, conversations.history, apps.connections.open), the response_urls that respond() posts to, and a
 * Socket Mode WebSocket. It records what the bot sent so tests can wait on it instead of sleeping.
 * The Slack bench (bench/slack.ts) uses it too, with recording off.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'

export type Captured = {
  /** The Web API method ('chat.postMessage', 'chat.postEphemeral', …), 'response_url', or 'ack' (a reply's body, read by the test). */
  method: string
  /** The arguments, with JSON-valued form fields (blocks) parsed. */
  body: Record<string, unknown> & { text?: string; blocks?: unknown[]; channel?: string; thread_ts?: string }
  /** For 'response_url': the id at the end of the URL the test handed out. */
  responseId?: string
}

export type AuthAnswer = { ok: true; user_id: string; bot_id: string } | { ok: false; error: string }

export type FakeSlackOptions = {
  /** What auth.test answers (the bot token); a bot user UBOT (bot B1) by default. */
  auth?: AuthAnswer
  /** What apps.connections.open answers (the app token): `auth` by default. */
  appAuth?: AuthAnswer
  /** Keep every request (default); the bench only counts them. */
  record?: boolean
}

export type FakeSlack = {
  /** For SLACK_API_URL / clientOptions.slackApiUrl. */
  apiUrl: string
  responseUrl(id: string): string
  captured: Captured[]
  /** How many bot posts arrived (recorded or not), by response_url id or Web API method. */
  counts: Map<string, number>
  /** Resolves with the first request, already here or still to come, that matches. */
  waitFor(match: (c: Captured) => boolean, what?: string, timeoutMs?: number): Promise<Captured>
  /**
   * A response_url post this matches is recorded, then refused as Slack refuses one it cannot carry
   * out (404 with an error body), so the bot's respond() throws. Tests set it and clear it.
   */
  failResponse?: (c: Captured) => boolean
  /**
   * What Slack holds of its channels, for conversations.replies and conversations.history: every
   * message the bot posted, and the members' messages a test put here (the harness adds each
   * message event it sends).
   */
  messages: SlackMessage[]
  /** The bot's reads of them (conversations.replies / .history), kept apart from what it sent. */
  reads: Captured[]
  /** A fresh message timestamp, later than every one before (members' and the bot's alike). */
  nextTs(): string
  /** Socket Mode: sends an envelope to the connected client; resolves with the ack's payload, if any. */
  sendEnvelope(type: string, payload: unknown): Promise<unknown>
  close(): Promise<void>
}

/** A message as conversations.replies / conversations.history return it. */
export type SlackMessage = { ts: string; channel: string; thread_ts?: string; user?: string; bot_id?: string; text?: string; subtype?: string }

export const BOT_USER = 'UBOT'
export const BOT_ID = 'B1'

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      data += chunk
    })
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}

/** The Web API client sends form fields, with arrays and objects as JSON strings; respond() sends JSON. */
function parseBody(raw: string, contentType = ''): Captured['body'] {
  if (contentType.includes('application/json')) return raw ? JSON.parse(raw) : {}
  const out: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value
  return out
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const auth: AuthAnswer = options.auth ?? { ok: true, user_id: BOT_USER, bot_id: BOT_ID }
  const appAuth = options.appAuth ?? auth
  const record = options.record ?? true
  const waiters = new Set<{ match: (c: Captured) => boolean; resolve: (c: Captured) => void }>()
  let ts = 1_700_000_000
  let socket: WebSocket | undefined
  const acks = new Map<string, (payload: unknown) => void>()

  const fake: Pick<FakeSlack, 'captured' | 'counts' | 'failResponse' | 'messages' | 'reads'> = {
    captured: [] as Captured[],
    counts: new Map<string, number>(),
    messages: [],
    reads: [],
  }
  const nextTs = () => `${++ts}.000100`
  /** Replies oldest first, the thread's first message included; history newest first, threads' replies left out. */
  const replies = (channel: unknown, thread: unknown) =>
    fake.messages.filter((m) => m.channel === channel && (m.ts === thread || m.thread_ts === thread)).sort((a, b) => Number(a.ts) - Number(b.ts))
  const history = (channel: unknown, oldest: unknown) =>
    fake.messages
      .filter((m) => m.channel === channel && (!m.thread_ts || m.thread_ts === m.ts) && Number(m.ts) >= Number(oldest ?? 0))
      .sort((a, b) => Number(b.ts) - Number(a.ts))

  function capture(c: Captured): void {
    const key = c.responseId ?? c.method
    fake.counts.set(key, (fake.counts.get(key) ?? 0) + 1)
    if (!record) return
    fake.captured.push(c)
    for (const w of waiters)
      if (w.match(c)) {
        waiters.delete(w)
        w.resolve(c)
      }
  }

  function reply(res: ServerResponse, body: unknown): void {
    const json = JSON.stringify(body)
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
    res.end(json)
  }

  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = req.url ?? ''
    const responseId = url.match(/^\/respond\/([^/?]+)/)?.[1]
    if (responseId !== undefined) {
      const captured: Captured = { method: 'response_url', responseId, body: record ? parseBody(raw, req.headers['content-type']) : {} }
      capture(captured)
      if (fake.failResponse?.(captured)) {
        res.writeHead(404, { 'content-type': 'text/plain' })
        return res.end('message_not_found')
      }
      return reply(res, { ok: true })
    }
    const method = url.match(/^\/api\/([\w.]+)/)?.[1] ?? ''
    const body = parseBody(raw, req.headers['content-type'])
    switch (method) {
      case 'auth.test':
        return reply(res, auth.ok ? { ...auth, team_id: 'T1', user: 'explainer', team: 'Test' } : auth)
      case 'apps.connections.open':
        return reply(res, appAuth.ok ? { ok: true, url: `ws://127.0.0.1:${port}/socket` } : appAuth)
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        capture({ method, body })
        const at = nextTs()
        if (method === 'chat.postMessage' && record) {
          const thread = typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}
          fake.messages.push({ ts: at, channel: String(body.channel), ...thread, user: auth.ok ? auth.user_id : BOT_USER, bot_id: BOT_ID, text: body.text })
        }
        return reply(res, { ok: true, channel: body.channel, ts: at, message_ts: at })
      }
      case 'conversations.replies':
        fake.reads.push({ method, body })
        return reply(res, { ok: true, messages: replies(body.channel, body.ts), has_more: false })
      case 'conversations.history':
        fake.reads.push({ method, body })
        return reply(res, { ok: true, messages: history(body.channel, body.oldest), has_more: false })
      default:
        return reply(res, { ok: false, error: 'unknown_method' })
    }
  })

  const wss = new WebSocketServer({ server, path: '/socket' })
  wss.on('connection', (ws) => {
    socket = ws
    ws.on('message', (data) => {
      const { envelope_id, payload } = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown }
      if (envelope_id) acks.get(envelope_id)?.(payload)
    })
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }))
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}`
  let envelopes = 0

  return Object.assign(fake, {
    nextTs,
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/respond/${id}`,
    waitFor(match: (c: Captured) => boolean, what = 'a matching request', timeoutMs = 5_000): Promise<Captured> {
      const found = fake.captured.find(match)
      if (found) return Promise.resolve(found)
      return new Promise<Captured>((resolve, reject) => {
        const waiter = { match, resolve }
        waiters.add(waiter)
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms`))
        }, timeoutMs).unref()
      })
    },
    sendEnvelope(type: string, payload: unknown): Promise<unknown> {
      if (!socket) return Promise.reject(new Error('fake Slack: no Socket Mode client connected'))
      const id = `env-${++envelopes}`
      const acked = new Promise<unknown>((resolve) => acks.set(id, resolve))
      socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0 }))
      return acked
    },
    close: async () => {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  })
}
