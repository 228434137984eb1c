/**
 * The Discord adapter under pressure, end to end against the fake: members asking too fast (with
 * an injected clock, so no test waits for time to pass) and a core that throws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Explainer } from '../../src/core/explainer.js'
import {
  BOT_ID,
  EPHEMERAL,
  interactionOutcome,
  messageBody,
  messageCreate,
  messagesThatMayPing,
  NO_PINGS,
  nextId,
  replyTo,
  seedExplainer,
  sentMessages,
  slashCommand,
  startBot,
  type TestBot,
  textOf,
  user,
  type Where,
} from './driver.js'

const explainer = seedExplainer()

/** Closes `bot` after checking that every message it sent, of the kinds named at least, carried allowed_mentions: { parse: [] }. */
async function closeCheckingMentions(bot: TestBot | undefined, kinds: RegExp[]): Promise<void> {
  if (!bot) return
  try {
    const sent = sentMessages(bot.fake)
    for (const kind of kinds)
      expect(
        sent.some(({ body }) => kind.test(textOf(body))),
        `a message saying ${kind}`,
      ).toBe(true)
    expect(messagesThatMayPing(bot.fake)).toEqual([])
  } finally {
    await bot.close()
  }
}

describe('rate limit, with an injected clock', () => {
  let t = 1_000_000
  let limited: TestBot
  beforeAll(async () => {
    // RATE_LIMIT's value is overridden by the adapter's own option: 2 per 30 s holds, not 9 per 1 s.
    limited = await startBot(explainer, { rateLimit: { limit: 2, windowMs: 30_000 }, now: () => t }, { rateLimit: { limit: 9, windowMs: 1_000 } })
  })
  afterAll(() => closeCheckingMentions(limited, [/slow down/, /Ask me a question/]))

  const askLimited = async (userId: string, where: Where = { guild: limited.fake.guilds[0] }) => {
    const payload = slashCommand('ask', [{ name: 'question', type: 3, value: 'Who is Vicente Fox?' }], where, userId)
    limited.fake.dispatch('INTERACTION_CREATE', payload)
    return interactionOutcome(limited.fake, payload)
  }

  it('tells a member who asks too fast, privately, to slow down and when to try again', async () => {
    const member = nextId()
    expect((await askLimited(member)).callback.body.data.flags ?? 0).toBe(0)
    expect((await askLimited(member)).callback.body.data.flags ?? 0).toBe(0)
    const third = await askLimited(member)
    expect(third.callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, allowed_mentions: NO_PINGS } })
    expect(third.callback.body.data.content).toMatch(/slow down.*try again in 30 s/)
    t += 12_000
    expect((await askLimited(member)).callback.body.data.content).toMatch(/try again in 18 s/)
    expect((await askLimited(nextId())).callback.body.data.embeds).toHaveLength(1) // others are not held back
    t += 18_000
    expect((await askLimited(member)).callback.body.data.embeds).toHaveLength(1)
  })

  it('says "slow down" to a mention once per wait, not once per message', async () => {
    const author = user(nextId())
    const where: Where = { guild: limited.fake.guilds[0] }
    const send = (n: number) => {
      const m = messageCreate(`<@${BOT_ID}> question ${n}`, where, author, true)
      limited.fake.dispatch('MESSAGE_CREATE', m)
      return m.id
    }
    const ids = [0, 1, 2, 3].map(send)
    const replies = await Promise.all(ids.slice(0, 3).map((id) => replyTo(limited.fake, id)))
    expect(textOf(messageBody(replies[2]))).toMatch(/slow down/)
    const settle = messageCreate(`<@${BOT_ID}>`, where, user(nextId()), true)
    limited.fake.dispatch('MESSAGE_CREATE', settle)
    await replyTo(limited.fake, settle.id)
    expect(limited.fake.requests.some((r) => r.body?.message_reference?.message_id === ids[3])).toBe(false)
  })

  it('counts a bare mention, answered with the how-to, against the limit too', async () => {
    const author = user(nextId())
    const mention = async () => {
      const m = messageCreate(`<@${BOT_ID}>`, { guild: limited.fake.guilds[0] }, author, true)
      limited.fake.dispatch('MESSAGE_CREATE', m)
      return textOf(messageBody(await replyTo(limited.fake, m.id)))
    }
    expect(await mention()).toMatch(/^Ask me a question/)
    expect(await mention()).toMatch(/^Ask me a question/)
    expect(await mention()).toMatch(/slow down.*try again in 30 s/)
  })
})

describe('rate limit from RATE_LIMIT (config.rateLimit)', () => {
  let configured: TestBot
  beforeAll(async () => {
    configured = await startBot(explainer, {}, { rateLimit: { limit: 1, windowMs: 60_000 } })
  })
  afterAll(() => configured?.close())

  it('allows the configured number of questions per window, and says the configured wait', async () => {
    const member = nextId()
    const askOnce = async () => {
      const payload = slashCommand('ask', [{ name: 'question', type: 3, value: 'Who is Vicente Fox?' }], { guild: configured.fake.guilds[0] }, member)
      configured.fake.dispatch('INTERACTION_CREATE', payload)
      return (await interactionOutcome(configured.fake, payload)).callback.body
    }
    expect((await askOnce()).data.embeds).toHaveLength(1)
    const second = await askOnce()
    expect(second.type).toBe(4)
    expect(second.data.content).toMatch(/slow down.*try again in 60 s/)
  })
})

describe('when the core throws', () => {
  let broken: TestBot
  const failing: Explainer = {
    ...explainer,
    ask: () => {
      throw new Error('index corrupted: secret detail')
    },
  }
  beforeAll(async () => {
    broken = await startBot(failing)
  })
  afterAll(() => closeCheckingMentions(broken, [/^Sorry, something went wrong/]))

  it('answers with a short private error, logs the cause, and keeps serving', async () => {
    const where: Where = { guild: broken.fake.guilds[0] }
    const payload = slashCommand('ask', [{ name: 'question', type: 3, value: 'Who is Andrew Selee?' }], where, nextId())
    broken.fake.dispatch('INTERACTION_CREATE', payload)
    // Nothing was sent before the core failed: the error is the first reply, private.
    const { callback } = await interactionOutcome(broken.fake, payload)
    expect(callback.body.type).toBe(4)
    expect(callback.body.data.flags).toBe(EPHEMERAL)
    expect(callback.body.data.content).toMatch(/^Sorry, something went wrong/)
    expect(callback.body.data.content).not.toContain('secret')
    expect(broken.logs.some((l) => l.includes('/ask failed') && l.includes('index corrupted'))).toBe(true)

    const help = slashCommand('help', [], where, nextId())
    broken.fake.dispatch('INTERACTION_CREATE', help)
    expect((await interactionOutcome(broken.fake, help)).callback.body.type).toBe(4)
  })

  it('answers a mention with the short error too', async () => {
    const m = messageCreate(`<@${BOT_ID}> who is Andrew Selee?`, { guild: broken.fake.guilds[0] }, user(nextId()), true)
    broken.fake.dispatch('MESSAGE_CREATE', m)
    const body = messageBody(await replyTo(broken.fake, m.id))
    expect(body.content).toMatch(/^Sorry, something went wrong/)
  })
})
