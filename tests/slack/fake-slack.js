/**
 * A fake Slack on 127.0.0.1: the Web API methods the bot calls (auth.test, chat.postMessage,
 * chat.postEphemeral, apps.connections.open), the response_urls that respond() posts to, and a
 * Socket Mode WebSocket. It records what the bot sent so tests can wait on it instead of sleeping.
 * The Slack bench (src/bench/slack.ts) uses it too, with recording off.
 */
import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'
export const BOT_USER = 'UBOT'
export const BOT_ID = 'B1'
function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => {
      data += chunk
    })
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}
/** The Web API client sends form fields, with arrays and objects as JSON strings; respond() sends JSON. */
function parseBody(raw, contentType = '') {
  if (contentType.includes('application/json')) return raw ? JSON.parse(raw) : {}
  const out = {}
  for (const [key, value] of new URLSearchParams(raw)) out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value
  return out
}
export async function startFakeSlack(options = {}) {
  const auth = options.auth ?? { ok: true, user_id: BOT_USER, bot_id: BOT_ID }
  const appAuth = options.appAuth ?? auth
  const record = options.record ?? true
  const waiters = new Set()
  let ts = 1_700_000_000
  let socket
  const acks = new Map()
  const fake = {
    captured: [],
    counts: new Map(),
  }
  function capture(c) {
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
  function reply(res, body) {
    const json = JSON.stringify(body)
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
    res.end(json)
  }
  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = req.url ?? ''
    const responseId = url.match(/^\/respond\/([^/?]+)/)?.[1]
    if (responseId !== undefined) {
      const captured = { method: 'response_url', responseId, body: record ? parseBody(raw, req.headers['content-type']) : {} }
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
        const at = `${++ts}.000100`
        return reply(res, { ok: true, channel: body.channel, ts: at, message_ts: at })
      }
      default:
        return reply(res, { ok: false, error: 'unknown_method' })
    }
  })
  const wss = new WebSocketServer({ server, path: '/socket' })
  wss.on('connection', (ws) => {
    socket = ws
    ws.on('message', (data) => {
      const { envelope_id, payload } = JSON.parse(String(data))
      if (envelope_id) acks.get(envelope_id)?.(payload)
    })
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = server.address().port
  const base = `http://127.0.0.1:${port}`
  let envelopes = 0
  return Object.assign(fake, {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    waitFor(match, what = 'a matching request', timeoutMs = 5_000) {
      const found = fake.captured.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve }
        waiters.add(waiter)
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms`))
        }, timeoutMs).unref()
      })
    },
    sendEnvelope(type, payload) {
      if (!socket) return Promise.reject(new Error('fake Slack: no Socket Mode client connected'))
      const id = `env-${++envelopes}`
      const acked = new Promise((resolve) => acks.set(id, resolve))
      socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0 }))
      return acked
    },
    close: async () => {
      for (const client of wss.clients) client.terminate()
      await new Promise((resolve) => wss.close(() => resolve()))
      server.closeAllConnections()
      await new Promise((resolve) => server.close(() => resolve()))
    },
  })
}
//# sourceMappingURL=fake-slack.js.map
