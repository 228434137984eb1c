/**
 * Drives the Discord adapter through the fake: builds the gateway events a member's actions
 * produce, waits for what the bot sends back, and flattens it for assertions.
 */
import { isDeepStrictEqual } from 'node:util'
import { type DiscordOptions, start } from '../../src/adapters/discord/index.js'
import type { Config } from '../../src/config.js'
import { createExplainer, type Explainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import type { Sent } from '../contract/adapter-contract.js'
import { BOT_ID, BOT_USER, type Body, FakeDiscord, type FakeGuild, nextId, type Recorded } from './fake-discord.js'

/** Discord's ephemeral message flag, and what every message must say about mentions. */
export const EPHEMERAL = 64
export const NO_PINGS = { parse: [], replied_user: false }

/** The core over the repository's own article, for realistic answers. */
export const seedExplainer = (): Explainer => createExplainer(loadKnowledge('knowledge'))

/** The adapter, started in this process against a fresh fake; `logs` is what it logged. */
export type TestBot = { fake: FakeDiscord; logs: string[]; close(): Promise<void> }

/** `config` adds to the Discord settings pointing at the fake (RATE_LIMIT's `rateLimit`, say). */
export async function startBot(explainer: Explainer, options: DiscordOptions = {}, config: Partial<Omit<Config, 'discord'>> = {}): Promise<TestBot> {
  const fake = await FakeDiscord.start()
  const logs: string[] = []
  const logger = {
    info: (m: string) => logs.push(m),
    error: (m: string, cause?: unknown) => logs.push(`${m}: ${cause instanceof Error ? cause.message : String(cause)}`),
  }
  const running = await start(explainer, { debug: false, ...config, discord: { token: 'test-token', apiUrl: fake.apiUrl } }, { logger, ...options })
  return {
    fake,
    logs,
    async close() {
      await running.stop()
      await fake.close()
    },
  }
}

export const user = (id: string, bot = false) => ({ id, username: `user${id}`, discriminator: '0', global_name: null, avatar: null, bot })

/** Where an action happens: a guild's channel, or a DM channel the client has never seen. */
export type Where = { guild: FakeGuild } | { dm: string }

const member = (id: string) => ({ user: user(id), roles: [], permissions: '0', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 })

/** The fields every interaction carries; `entitlements` and the owners map are required by discord.js. */
function interactionBase(where: Where, userId: string) {
  const base = {
    id: nextId(),
    application_id: '900000000000000002',
    token: `token-${nextId()}`,
    version: 1,
    app_permissions: '0',
    locale: 'en-US',
    entitlements: [],
  }
  if ('guild' in where)
    return {
      ...base,
      guild_id: where.guild.id,
      channel_id: where.guild.channel,
      channel: { id: where.guild.channel, type: 0 },
      member: member(userId),
      authorizing_integration_owners: { '0': where.guild.id },
      context: 0,
    }
  return { ...base, channel_id: where.dm, channel: { id: where.dm, type: 1 }, user: user(userId), authorizing_integration_owners: { '0': '0' }, context: 1 }
}

export type CommandOption = { name: string; type: number; value: string | boolean; focused?: boolean }

export function slashCommand(name: string, options: CommandOption[], where: Where, userId: string) {
  return { ...interactionBase(where, userId), type: 2, data: { id: nextId(), name, type: 1, options } }
}

export function autocomplete(typed: string, where: Where, userId: string) {
  return {
    ...interactionBase(where, userId),
    type: 4,
    data: { id: nextId(), name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: typed, focused: true }] },
  }
}

/** A click on a button of a message the bot sent with `sent` (its embeds, components and flags). */
export function buttonClick(customId: string, sent: Body, where: Where, userId: string) {
  const message = {
    id: nextId(),
    channel_id: 'guild' in where ? where.guild.channel : where.dm,
    type: 0,
    author: BOT_USER,
    content: sent.content ?? '',
    embeds: sent.embeds ?? [],
    components: sent.components ?? [],
    flags: sent.flags ?? 0,
    timestamp: new Date().toISOString(),
    mentions: [],
    mention_roles: [],
    attachments: [],
  }
  return { ...interactionBase(where, userId), type: 3, message, data: { custom_id: customId, component_type: 2 } }
}

export function messageCreate(content: string, where: Where, author: ReturnType<typeof user>, mentionsBot: boolean) {
  const base = {
    id: nextId(),
    type: 0,
    content,
    author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: mentionsBot ? [BOT_USER] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
  }
  if ('guild' in where) return { ...base, guild_id: where.guild.id, channel_id: where.guild.channel, member: { roles: [], joined_at: base.timestamp } }
  return { ...base, channel_id: where.dm, channel_type: 1 }
}

/** What the member finally sees for an interaction: the immediate reply, or the edit/follow-up after a deferral. */
export async function interactionOutcome(fake: FakeDiscord, interaction: { id: string; token: string }): Promise<{ callback: Recorded; final: Recorded }> {
  const callback = await fake.waitFor((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, `callback for ${interaction.id}`)
  if (callback.body.type !== 5) return { callback, final: callback }
  const final = await fake.waitFor(
    (r) => r.path.includes(`/webhooks/`) && r.path.includes(`/${interaction.token}`) && r.method !== 'DELETE',
    `edit or follow-up for ${interaction.id}`,
  )
  return { callback, final }
}

/** The message body of a callback (type 4: its `data`) or of an edit/follow-up. */
export const messageBody = (r: Recorded): Body => (r.path.endsWith('/callback') ? r.body.data : r.body)

/** The bot's reply to a message: a channel message referencing it. */
export function replyTo(fake: FakeDiscord, messageId: string): Promise<Recorded> {
  return fake.waitFor((r) => r.method === 'POST' && r.body?.message_reference?.message_id === messageId, `reply to message ${messageId}`)
}

/** Everything a person would read in a message: content, embed texts, button labels. */
export function textOf(body: Body): string {
  const parts: string[] = [body?.content ?? '']
  for (const e of body?.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '')
    for (const f of e.fields ?? []) parts.push(f.name, f.value)
  }
  for (const row of body?.components ?? []) for (const c of row.components ?? []) parts.push(c.label ?? '')
  return parts.filter(Boolean).join('\n')
}

/**
 * Whether a message could ping anyone: unless allowed_mentions parses nothing and lists no one,
 * and a reply says not to ping the member it replies to. Judged on allowed_mentions alone, whatever
 * the message says (an embed-only message too): text that cannot ping today may echo a mention tomorrow.
 */
export function pingsOf(body: Body): boolean {
  const am = body?.allowed_mentions
  if (!am || !Array.isArray(am.parse) || am.parse.length > 0 || am.users?.length || am.roles?.length) return true
  return Boolean(body?.message_reference) && am.replied_user !== false
}

/**
 * Every message the bot sent or edited through the fake, with where it went: replies to
 * interactions (callback type 4), edits and follow-ups of deferred ones, channel messages.
 */
export function sentMessages(fake: FakeDiscord): { where: string; body: Body }[] {
  return fake.requests
    .filter((r) => (r.path.endsWith('/callback') ? r.body?.type === 4 : r.method !== 'DELETE' && r.method !== 'GET' && /^\/(webhooks|channels)\//.test(r.path)))
    .map((r) => ({ where: `${r.method} ${r.path}`, body: messageBody(r) }))
}

/** The messages, of all `fake` recorded, that do not carry allowed_mentions: { parse: [] } or could ping. */
export function messagesThatMayPing(fake: FakeDiscord): { where: string; body: Body }[] {
  return sentMessages(fake).filter(({ body }) => pingsOf(body) || !isDeepStrictEqual(body.allowed_mentions, NO_PINGS))
}

/** Discord's limits, written out here independently of the adapter's own constants. */
export function limitProblems(body: Body): string[] {
  const problems: string[] = []
  const len = (s: unknown) => (typeof s === 'string' ? s.length : 0)
  if (len(body?.content) > 2000) problems.push('content over 2,000')
  let total = 0
  for (const e of body?.embeds ?? []) {
    if (len(e.title) > 256) problems.push('title over 256')
    if (len(e.description) > 4096) problems.push('description over 4,096')
    if ((e.fields ?? []).length > 25) problems.push('over 25 fields')
    for (const f of e.fields ?? []) {
      if (len(f.name) > 256) problems.push('field name over 256')
      if (len(f.value) > 1024) problems.push('field value over 1,024')
      if (!len(f.name) || !len(f.value)) problems.push('empty field')
      total += len(f.name) + len(f.value)
    }
    if (len(e.footer?.text) > 2048) problems.push('footer over 2,048')
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name)
  }
  if (total > 6000) problems.push(`embeds total ${total} over 6,000`)
  const rows = body?.components ?? []
  if (rows.length > 5) problems.push('over 5 rows')
  for (const row of rows) {
    if ((row.components ?? []).length > 5) problems.push('over 5 buttons in a row')
    for (const c of row.components ?? []) {
      if (len(c.label) > 80) problems.push('label over 80')
      if (len(c.custom_id) > 100) problems.push('custom_id over 100')
    }
  }
  return problems
}

/** The custom_ids of a message's 👍/👎 buttons, in order. */
export function votesOf(body: Body): string[] {
  return (body?.components ?? [])
    .flatMap((row: Body) => (row.components ?? []).map((c: Body) => String(c.custom_id ?? '')))
    .filter((id: string) => id.startsWith('vote:'))
}

export const toSent = (body: Body): Sent => ({
  text: textOf(body),
  pings: pingsOf(body),
  withinLimits: limitProblems(body).length === 0,
  votes: votesOf(body),
  private: ((body?.flags ?? 0) & EPHEMERAL) !== 0,
})

export { BOT_ID, BOT_USER, nextId }
