/**
 * Parts of the Discord adapter checked without the fake Discord: how the client is configured
 * (bounded caches, the packet shield) and the autocomplete choices, with a stub core.
 */
import { type AutocompleteInteraction, type Client, Collection, type GuildMember, SnowflakeUtil, type SweepOptions, type User } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { CACHE, sweepDmChannels } from '../../src/adapters/discord/caches.js'
import { ask } from '../../src/adapters/discord/commands/ask.js'
import type { Deps } from '../../src/adapters/discord/context.js'
import { createClient } from '../../src/adapters/discord/index.js'
import { shieldPacketHandling } from '../../src/adapters/discord/shield.js'
import { BOT_ID, BOT_USER, nextId, user } from './driver.js'

/** discord.js's own way into a cache, as the gateway events use it (private in its typings). */
type Adds = { _add(data: unknown): unknown }
const adds = (manager: unknown) => manager as Adds

/** A client as it is after READY, without connecting: its own user set and cached. */
async function withClient(test: (client: Client) => void | Promise<void>): Promise<void> {
  const client = createClient({ token: 'test-token' })
  Object.assign(client, { user: adds(client.users)._add(BOT_USER) })
  try {
    await test(client)
  } finally {
    await client.destroy()
  }
}

const silent = { info: () => {}, error: () => {} }

describe('the client’s caches', () => {
  it('keep at most CACHE.users users, always the bot’s own', () =>
    withClient((client) => {
      for (let i = 0; i < CACHE.users + 100; i++) adds(client.users)._add(user(nextId()))
      expect(client.users.cache.size).toBe(CACHE.users)
      expect(client.users.cache.has(BOT_ID)).toBe(true)
    }))

  it('keep at most CACHE.membersPerGuild members a server, always the bot’s own', () =>
    withClient((client) => {
      const guild = adds(client.guilds)._add({ id: nextId(), name: 'g', channels: [], roles: [], members: [] }) as {
        members: { cache: Map<string, GuildMember> }
      }
      const member = (u: unknown) => ({ user: u, roles: [], joined_at: new Date().toISOString() })
      adds(guild.members)._add(member(BOT_USER))
      for (let i = 0; i < CACHE.membersPerGuild + 50; i++) adds(guild.members)._add(member(user(nextId())))
      expect(guild.members.cache.size).toBe(CACHE.membersPerGuild)
      expect(guild.members.cache.has(BOT_ID)).toBe(true)
    }))

  it('keep no messages', () =>
    withClient((client) => {
      const channel = adds(client.channels)._add({ id: nextId(), type: 1, recipients: [user(nextId())] }) as { id: string; messages: unknown }
      const message = { id: nextId(), channel_id: channel.id, type: 0, content: 'hi', author: user(nextId()), timestamp: new Date().toISOString() }
      adds(channel.messages)._add(message)
      expect((channel.messages as { cache: Map<string, unknown> }).cache.size).toBe(0)
    }))

  it('sweep users and members every CACHE.sweepSeconds, all but the bot’s own', () =>
    withClient((client) => {
      const sweepers = client.options.sweepers ?? {}
      const users = sweepers.users as SweepOptions<string, User>
      const members = sweepers.guildMembers as SweepOptions<string, GuildMember>
      expect(users.interval).toBe(CACHE.sweepSeconds)
      expect(members.interval).toBe(CACHE.sweepSeconds)
      for (let i = 0; i < 10; i++) adds(client.users)._add(user(nextId()))
      client.sweepers.sweepUsers(users.filter() ?? (() => false))
      expect([...client.users.cache.keys()]).toEqual([BOT_ID])
      const sweeps = members.filter()
      expect(sweeps?.({ id: BOT_ID, client } as GuildMember, BOT_ID, new Collection())).toBe(false)
      expect(sweeps?.({ id: nextId(), client } as GuildMember, '1', new Collection())).toBe(true)
    }))

  it('drop DM channels quiet for CACHE.sweepSeconds', () =>
    withClient((client) => {
      const now = Date.now()
      const dm = (lastMessageAt?: number) =>
        (
          adds(client.channels)._add({
            id: nextId(),
            type: 1,
            recipients: [user(nextId())],
            ...(lastMessageAt ? { last_message_id: SnowflakeUtil.generate({ timestamp: lastMessageAt }).toString() } : {}),
          }) as { id: string }
        ).id
      const quiet = dm(now - CACHE.sweepSeconds * 1000 - 60_000)
      const never = dm()
      const recent = dm(now - 60_000)
      expect(sweepDmChannels(client, now)).toBe(2)
      expect(client.channels.cache.has(quiet)).toBe(false)
      expect(client.channels.cache.has(never)).toBe(false)
      expect(client.channels.cache.has(recent)).toBe(true)
    }))
})

describe('the packet shield', () => {
  it('is applied to this discord.js, and says so when it cannot be', () =>
    withClient((client) => {
      expect(shieldPacketHandling(client, silent)).toBe(true)
      expect(shieldPacketHandling({ ws: {} } as unknown as Client, silent)).toBe(false)
    }))
})

describe('autocomplete choices', () => {
  it('are at most 25, each at most 100 characters, however many and however long the suggestions', async () => {
    const suggestions = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `Question ${i}: ${'why '.repeat(40)}`.slice(0, 150) : `Question ${i}?`))
    const deps = { explainer: { suggest: () => suggestions } } as unknown as Deps
    let choices: { name: string; value: string }[] = []
    const interaction = {
      options: { getFocused: () => ({ name: 'question', value: 'Question' }), getString: () => null },
      respond: async (c: typeof choices) => {
        choices = c
      },
    } as unknown as AutocompleteInteraction
    await ask.autocomplete(interaction, deps)
    expect(choices).toHaveLength(25)
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100)
      expect(c.value.length).toBeLessThanOrEqual(100)
      expect(suggestions).toContain(c.value) // a whole question: what the choice asks
    }
  })

  it('follow the focused option: an option with no rule of its own gets no question choices', async () => {
    const deps = { explainer: { suggest: () => ['Who is Ana Ruiz?'] } } as unknown as Deps
    let choices: { name: string; value: string }[] | undefined
    const interaction = {
      options: { getFocused: () => ({ name: 'colour', value: 'Who' }), getString: () => null },
      respond: async (c: { name: string; value: string }[]) => {
        choices = c
      },
    } as unknown as AutocompleteInteraction
    await ask.autocomplete?.(interaction, deps)
    expect(choices).toEqual([])
  })
})
