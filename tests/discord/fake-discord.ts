/**
 * A fake Discord on 127.0.0.1 for the real discord.js Client: the REST routes the bot calls
 * (node:http) and the gateway (a ws WebSocketServer on the same port), as the team's notes on testing against fake platforms
 * describe them, checked against discord.js 14.28.1. Everything the bot sends is recorded, and a
 * test waits for the request it expects instead of sleeping.
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'

export const BOT_ID = '900000000000000001'
export const APP_ID = '900000000000000002'
export const BOT_USER = { id: BOT_ID, username: 'Explainer', discriminator: '0', global_name: null, avatar: null, bot: true }

// biome-ignore lint/suspicious/noExplicitAny: request bodies are whatever the bot sent, checked by the tests
export type Body = any
/** One REST request the bot made; `path` is after /api/v10. */
export type Recorded = { method: string; path: string; query: URLSearchParams; body: Body }

export type FakeOptions = {
  /** What /gateway/bot recommends, and how many guilds there are (one a shard). */
  shards?: number
  /** Answer every REST call with 401, as Discord does for a wrong token. */
  rejectToken?: boolean
}

/** A guild of the fake, with its one text channel, on the shard Discord's formula puts it. */
export type FakeGuild = { id: string; channel: string; shard: number }

let counter = 0n
/** A fresh snowflake-shaped id (19 digits, rising). */
export const nextId = (): string => (1_300_000_000_000_000_000n + counter++).toString()

/** Discord's rule: a guild belongs to shard (guild_id >> 22) % shard_count. Ids chosen to land on `shard`. */
function guildFor(shard: number, shards: number): FakeGuild {
  const id = ((BigInt(1000 * shards + shard) << 22n) + 7n).toString()
  return { id, channel: (BigInt(id) + 1n).toString(), shard }
}

function guildCreate(g: FakeGuild) {
  return {
    id: g.id,
    name: `Guild ${g.shard}`,
    unavailable: false,
    owner_id: '1',
    joined_at: new Date().toISOString(),
    member_count: 2,
    large: false,
    channels: [{ id: g.channel, type: 0, name: 'general', position: 0, permission_overwrites: [] }],
    roles: [{ id: g.id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    members: [],
    emojis: [],
    stickers: [],
    features: [],
    threads: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  }
}

type Waiter = { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }
type Connection = { ws: WebSocket; seq: number }

export class FakeDiscord {
  readonly requests: Recorded[] = []
  /** The `shard` field of each IDENTIFY, in order. */
  readonly identifies: [number, number][] = []
  /** The `intents` bitfield of each IDENTIFY, in order. */
  readonly intents: number[] = []
  /** The close code of each gateway connection the bot closed, in order. */
  readonly gatewayCloses: number[] = []
  readonly guilds: FakeGuild[]
  /**
   * The messages Discord holds, by id, for GET /channels/{id}/messages[/{id}]: everything the bot
   * posted, and the members' messages a test dispatched with `post`.
   */
  readonly messages = new Map<string, Body>()
  private readonly waiters: Waiter[] = []
  private readonly connections = new Map<number, Connection>()
  private readonly identifyWaiters: (() => void)[] = []
  private readonly closeWaiters: (() => void)[] = []
  private closing = false
  private readonly http = createServer((req, res) => void this.onRequest(req, res))
  private readonly gateway = new WebSocketServer({ server: this.http })

  private constructor(private readonly options: FakeOptions) {
    const shards = options.shards ?? 1
    this.guilds = Array.from({ length: shards }, (_, i) => guildFor(i, shards))
    this.gateway.on('connection', (ws) => this.onConnection(ws))
  }

  static async start(options: FakeOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options)
    fake.http.listen(0, '127.0.0.1')
    await once(fake.http, 'listening')
    return fake
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port
  }

  /** What DISCORD_API_URL is set to: discord.js appends /v10. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`
  }

  /** The first request, past or future, that `match` accepts. */
  waitFor(match: (r: Recorded) => boolean, what: string, timeoutMs = 8_000): Promise<Recorded> {
    const seen = this.requests.find(match)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const recent = this.requests.slice(-5).map((r) => `${r.method} ${r.path}`)
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms; last requests: ${recent.join(', ') || 'none'}`))
      }, timeoutMs)
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer)
          resolve(r)
        },
      })
    })
  }

  /** Resolves once `count` shards have identified. */
  async waitForIdentifies(count: number): Promise<void> {
    while (this.identifies.length < count) await new Promise<void>((resolve) => this.identifyWaiters.push(resolve))
  }

  /** Resolves once the bot has closed `count` gateway connections (the fake closing them does not count). */
  async waitForGatewayCloses(count: number): Promise<void> {
    while (this.gatewayCloses.length < count) await new Promise<void>((resolve) => this.closeWaiters.push(resolve))
  }

  /** Sends a gateway event to the shard that owns it. */
  dispatch(t: string, d: unknown, shard = 0): void {
    const conn = this.connections.get(shard)
    if (!conn) throw new Error(`fake Discord: shard ${shard} is not connected`)
    conn.ws.send(JSON.stringify({ op: 0, t, d, s: ++conn.seq }))
  }

  /** A member's message: kept (Discord would have it) and dispatched as MESSAGE_CREATE. */
  post(message: Body, shard = 0): void {
    this.messages.set(message.id, message)
    this.dispatch('MESSAGE_CREATE', message, shard)
  }

  async close(): Promise<void> {
    this.closing = true
    for (const ws of this.gateway.clients) ws.terminate()
    this.gateway.close()
    this.http.closeAllConnections()
    await new Promise((resolve) => this.http.close(resolve))
  }

  private record(r: Recorded): void {
    this.requests.push(r)
    for (const w of [...this.waiters])
      if (w.match(r)) {
        this.waiters.splice(this.waiters.indexOf(w), 1)
        w.resolve(r)
      }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://x')
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '')
    const r: Recorded = { method: req.method ?? 'GET', path, query: url.searchParams, body: text ? JSON.parse(text) : undefined }
    const [status, reply] = this.route(r)
    // Recorded before answering, so a waiter sees it no later than the bot hears back.
    this.record(r)
    res.writeHead(status, reply === undefined ? {} : { 'Content-Type': 'application/json' })
    res.end(reply === undefined ? undefined : JSON.stringify(reply))
  }

  private route(r: Recorded): [number, unknown] {
    if (this.options.rejectToken) return [401, { message: '401: Unauthorized', code: 0 }]
    const key = `${r.method} ${r.path}`
    if (key === 'GET /gateway/bot')
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}`,
          shards: this.guilds.length,
          // High concurrency: start:sharded spaces shards 5.5 s / max_concurrency apart.
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 64 },
        },
      ]
    if (/^POST \/interactions\/\d+\/[^/]+\/callback$/.test(key)) {
      // `with_response=true` (discord.js: reply({ withResponse: true })): the message sent, as Discord returns it.
      if (r.query.get('with_response') !== 'true') return [204, undefined]
      const interactionId = r.path.split('/')[2]
      const body = r.body as Body
      const message = body.type === 4 ? this.messageJson(this.guilds[0].channel, body.data) : undefined
      if (message) this.messages.set(message.id, message)
      return [
        200,
        {
          interaction: {
            id: interactionId,
            type: 2,
            response_message_id: message?.id,
            response_message_loading: body.type === 5,
            response_message_ephemeral: ((body.data?.flags ?? 0) & 64) !== 0,
          },
          ...(message ? { resource: { type: 4, message } } : {}),
        },
      ]
    }
    if (/^DELETE \/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(key)) return [204, undefined]
    if (/^(PATCH \/webhooks\/\d+\/[^/]+\/messages\/@original|POST \/webhooks\/\d+\/[^/]+|POST \/channels\/\d+\/messages)$/.test(key)) {
      const channel = r.path.match(/^\/channels\/(\d+)/)?.[1] ?? this.guilds[0].channel
      const sent = this.messageJson(channel, r.body)
      this.messages.set(sent.id, sent)
      return [200, sent]
    }
    const one = key.match(/^GET \/channels\/(\d+)\/messages\/(\d+)$/)
    if (one) {
      const m = this.messages.get(one[2])
      return m && m.channel_id === one[1] ? [200, m] : [404, { message: 'Unknown Message', code: 10008 }]
    }
    const list = key.match(/^GET \/channels\/(\d+)\/messages$/)
    if (list) {
      const before = r.query.get('before')
      const limit = Number(r.query.get('limit') ?? 50)
      const inChannel = [...this.messages.values()].filter((m) => m.channel_id === list[1] && (!before || BigInt(m.id) < BigInt(before)))
      return [200, inChannel.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1)).slice(0, limit)]
    }
    if (/^PUT \/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(key))
      return [200, (r.body as Body[]).map((c) => ({ ...c, id: nextId(), application_id: APP_ID, version: nextId() }))]
    return [404, { message: 'Unknown route (fake Discord)', code: 0 }]
  }

  /** A sent message as Discord returns it. */
  private messageJson(channelId: string, body: Body) {
    const reference = body?.message_reference ? { message_reference: { ...body.message_reference, channel_id: channelId } } : {}
    return {
      id: nextId(),
      channel_id: channelId,
      type: body?.message_reference ? 19 : 0,
      ...reference,
      author: BOT_USER,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
    }
  }

  private onConnection(ws: WebSocket): void {
    const conn: Connection = { ws, seq: 0 }
    ws.on('close', (code) => {
      if (this.closing) return
      this.gatewayCloses.push(code)
      for (const wake of this.closeWaiters.splice(0)) wake()
    })
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }))
    ws.on('message', (raw) => {
      const packet = JSON.parse(raw.toString())
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }))
      if (packet.op !== 2) return
      const [shard, count] = (packet.d.shard ?? [0, 1]) as [number, number]
      this.connections.set(shard, conn)
      const mine = this.guilds.filter((g) => g.shard === shard)
      const ready = {
        v: 10,
        user: BOT_USER,
        guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${shard}`,
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        application: { id: APP_ID, flags: 0 },
        shard: [shard, count],
      }
      ws.send(JSON.stringify({ op: 0, t: 'READY', s: ++conn.seq, d: ready }))
      for (const g of mine) ws.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++conn.seq, d: guildCreate(g) }))
      this.identifies.push([shard, count])
      this.intents.push(packet.d.intents)
      for (const wake of this.identifyWaiters.splice(0)) wake()
    })
  }
}
