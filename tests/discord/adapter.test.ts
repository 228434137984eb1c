/**
 * The Discord adapter end to end: the real discord.js Client, started by the adapter's own
 * start(), against the fake Discord. Each test acts as a member (a gateway event) and asserts on
 * what the bot sent to the fake's REST API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Explainer } from '../../src/core/explainer.js'
import {
  autocomplete,
  BOT_ID,
  buttonClick,
  EPHEMERAL,
  interactionOutcome,
  limitProblems,
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
import type { Body } from './fake-discord.js'

const explainer = seedExplainer()
const TITLE = explainer.sources()[0].title

let bot: TestBot
let guild: Where

/** The real core, except that a question with "slowly" in it takes longer than the first reply's window. */
const core: Explainer = {
  ...explainer,
  ask(question) {
    // Busy, as a stalled process would be.
    if (question.includes('slowly')) {
      const until = Date.now() + 1_700
      while (Date.now() < until) {}
    }
    return explainer.ask(question)
  },
}

beforeAll(async () => {
  bot = await startBot(core)
  guild = { guild: bot.fake.guilds[0] }
})

afterAll(async () => {
  try {
    // Every message the tests below made the bot send: answers, help, the how-to, DM replies, the expired button.
    const sent = sentMessages(bot.fake)
    for (const kind of [/Ask me a question about the article/, /button has expired/, /How to ask me/])
      expect(
        sent.some(({ body }) => kind.test(textOf(body))),
        `a message saying ${kind}`,
      ).toBe(true)
    expect(sent.some(({ where }) => where.startsWith('POST /channels/') && !where.includes(bot.fake.guilds[0].channel))).toBe(true) // a DM
    expect(messagesThatMayPing(bot.fake)).toEqual([])
  } finally {
    await bot?.close()
  }
})

/** Sends an interaction and resolves with its callback and the final message body. */
async function interact(payload: { id: string; token: string }) {
  bot.fake.dispatch('INTERACTION_CREATE', payload)
  const { callback, final } = await interactionOutcome(bot.fake, payload)
  return { callback, final, body: messageBody(final) as Body }
}

const ask = (question: string, userId = nextId(), extra: { name: string; type: number; value: boolean }[] = []) =>
  interact(slashCommand('ask', [{ name: 'question', type: 3, value: question }, ...extra], guild, userId))

/** A member's message; resolves with the bot's reply to it. */
async function say(content: string, where: Where = guild, mentionsBot = true) {
  const message = messageCreate(content, where, user(nextId()), mentionsBot)
  bot.fake.dispatch('MESSAGE_CREATE', message)
  return messageBody(await replyTo(bot.fake, message.id)) as Body
}

describe('the gateway connection', () => {
  it('identifies with the intents Guilds, GuildMessages and DirectMessages only: not the privileged Message Content', () => {
    const GUILDS = 1 << 0
    const GUILD_MESSAGES = 1 << 9
    const DIRECT_MESSAGES = 1 << 12
    const MESSAGE_CONTENT = 1 << 15
    expect(bot.fake.intents).toEqual([GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES])
    expect(bot.fake.intents[0]).toBe(4609)
    expect(bot.fake.intents[0] & MESSAGE_CONTENT).toBe(0)
  })
})

describe('/ask', () => {
  it('answers in the first reply when the answer is ready in time: no deferral, no edit', async () => {
    const question = 'What did Andrew Selee say about the border?'
    const { callback, body } = await ask(question)
    expect(callback.body.type).toBe(4)
    expect(body.embeds[0].description).toContain('Selee')
    expect(body.flags ?? 0).toBe(0)
    const token = callback.path.split('/')[3]
    await say(`<@${BOT_ID}>`) // settles: events are handled in order
    expect(bot.fake.requests.filter((r) => r.path.includes(token) && r !== callback)).toEqual([])
    expect(bot.fake.requests.filter((r) => r.body?.type === 5 && r.path === callback.path)).toEqual([])
  })

  it("defers first only when the answer is not ready within the first reply's window", async () => {
    const question = 'Who is Andrew Selee, slowly?'
    const { callback, final, body } = await ask(question)
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } })
    expect(final.method).toBe('PATCH')
    expect(body.embeds[0].title).toBe(question)
  })

  it('answers with an embed: the answer, numbered citations with ¶ and section, the article in the footer', async () => {
    const { callback, body } = await ask('Who is Alicia Bárcena?')
    expect(callback.body.type).toBe(4)
    const [embed] = body.embeds
    expect(embed.title).toBe('Who is Alicia Bárcena?')
    expect(embed.description).toContain('Bárcena')
    expect(embed.fields[0].name).toMatch(/^\[1\] ¶\d+ · Crossing another line/)
    // Each sentence once: in the answer, or else in its citation.
    for (const [i, f] of embed.fields.entries()) {
      const quote = explainer.ask('Who is Alicia Bárcena?').citations[i].quote
      expect(`${embed.description}\n${f.value}`.split(quote.slice(0, 40)).length - 1).toBe(1)
    }
    expect(embed.footer.text).toBe(TITLE)
    expect(body.allowed_mentions).toEqual(NO_PINGS)
    expect(limitProblems(body)).toEqual([])
  })

  it('offers the follow-up questions as buttons whose custom_id asks them', async () => {
    const { body } = await ask('Who is Alicia Bárcena?')
    const [followUps, ...rest] = body.components
    expect(followUps.components.length).toBeGreaterThan(0)
    for (const b of followUps.components) expect(b.custom_id).toBe(`ask:${b.label}`)
    // Then 👍/👎, in a row of their own.
    expect(rest.map((row: Body) => row.components.map((b: Body) => b.emoji?.name))).toEqual([['👍', '👎']])
  })

  it('answers privately when asked with private:true', async () => {
    const { callback, body } = await ask('Who is Andrew Selee?', nextId(), [{ name: 'private', type: 5, value: true }])
    expect(callback.body.data.flags).toBe(EPHEMERAL)
    expect(textOf(body)).toContain('Selee')
  })

  it('says kindly what the article covers when it has no answer', async () => {
    const { body } = await ask('What is the boiling point of mercury on Jupiter?')
    const text = textOf(body)
    expect(text).toMatch(/couldn't find/i)
    expect(text).toContain(TITLE)
    expect(body.components.length).toBeGreaterThan(0)
  })

  it('escapes Markdown in the echoed question', async () => {
    const { body } = await ask('# Who is **Andrew** _Selee_?')
    expect(body.embeds[0].title).toBe('\\# Who is \\*\\*Andrew\\*\\* \\_Selee\\_?')
  })
})

describe('the other commands', () => {
  it('/summary answers with the overview and its citations', async () => {
    const { callback, body } = await interact(slashCommand('summary', [], guild, nextId()))
    expect(callback.body.type).toBe(4)
    expect(body.embeds[0].title).toBe('Summary')
    expect(body.embeds[0].fields.length).toBeGreaterThanOrEqual(2)
  })

  it('/help answers at once, privately, with the ways to ask and the limits', async () => {
    const { callback, body } = await interact(slashCommand('help', [], guild, nextId()))
    expect(callback.body.type).toBe(4)
    expect(body.flags).toBe(EPHEMERAL)
    const text = textOf(body)
    for (const part of ['/ask', '/summary', 'Mention me', 'direct message', '500 characters', '5 questions every 30 seconds']) expect(text).toContain(part)
    expect(body.allowed_mentions).toEqual(NO_PINGS)
  })

  it('/sources lists the article', async () => {
    const { callback, body } = await interact(slashCommand('sources', [], guild, nextId()))
    expect(callback.body.type).toBe(4)
    expect(textOf(body)).toContain(TITLE)
  })

  it('autocomplete offers matching questions, at most 25, each at most 100 characters', async () => {
    const typed = await interact(autocomplete('Andrew Sel', guild, nextId()))
    expect(typed.callback.body.type).toBe(8)
    const choices: { name: string; value: string }[] = typed.callback.body.data.choices
    expect(choices.map((c) => c.value)).toContain('Who is Andrew Selee?')
    const empty = await interact(autocomplete('', guild, nextId()))
    const all: { name: string; value: string }[] = empty.callback.body.data.choices
    expect(all.length).toBeGreaterThan(0)
    expect(all.length).toBeLessThanOrEqual(25)
    for (const c of [...choices, ...all]) expect(c.name.length).toBeLessThanOrEqual(100)
  })

  it("autocomplete puts what was typed first, then questions by any word's prefix, spelling corrected", async () => {
    const choicesOf = async (typed: string): Promise<string[]> =>
      (await interact(autocomplete(typed, guild, nextId()))).callback.body.data.choices.map((c: { value: string }) => c.value)
    // A partial word: "flig" is the start of "flights", which the article counts.
    const partial = await choicesOf('flig')
    expect(partial[0]).toBe('flig')
    expect(partial).toContain('How many flights?')
    // A typo: "Andew" is corrected to the Andrew the article names.
    const typo = await choicesOf('Andew')
    expect(typo[0]).toBe('Andew')
    expect(typo).toContain('Who is Andrew Selee?')
    // An empty field: questions the article answers, no empty choice.
    const empty = await choicesOf('')
    expect(empty.length).toBeGreaterThan(1)
    expect(empty).not.toContain('')
    for (const q of [...partial.slice(1), ...typo.slice(1), ...empty]) expect(explainer.ask(q).status).toBe('answered')
  })
})

describe('follow-up buttons', () => {
  it('a click answers that follow-up as a new reply, titled with the question', async () => {
    const first = await ask('Who is Alicia Bárcena?')
    const button = first.body.components[0].components[0]
    const { callback, body } = await interact(buttonClick(button.custom_id, first.body, guild, nextId()))
    expect(callback.body.type).toBe(4)
    expect(body.flags ?? 0).toBe(0)
    expect(body.embeds[0].title).toBe(button.label)
    expect(body.embeds[0].fields.length).toBeGreaterThan(0)
  })

  it('a click under a private answer answers privately', async () => {
    const first = await ask('Who is Alicia Bárcena?', nextId(), [{ name: 'private', type: 5, value: true }])
    const button = first.body.components[0].components[0]
    const { callback, body } = await interact(buttonClick(button.custom_id, { ...first.body, flags: EPHEMERAL }, guild, nextId()))
    expect(callback.body.type).toBe(4)
    expect(body.flags).toBe(EPHEMERAL)
  })

  it('answers an interaction it does not serve (a modal from an older version) at once, privately', async () => {
    const unknown = slashCommand('ask', [], guild, nextId()) as Record<string, unknown>
    const modal = { ...unknown, type: 5, data: { custom_id: 'feedback_form', components: [] } } as unknown as { id: string; token: string }
    const { callback, body } = await interact(modal)
    expect(callback.body.type).toBe(4)
    expect(body.flags).toBe(EPHEMERAL)
    expect(body.content).toMatch(/do not know that/)
  })

  it('a button whose question this process forgot, or another process drew, says so, privately', async () => {
    for (const customId of ['ask#zz', 'ask#AAAAAAAA.0']) {
      const { callback, body } = await interact(buttonClick(customId, { content: 'x' }, guild, nextId()))
      expect(callback.body.type).toBe(4)
      expect(body.flags).toBe(EPHEMERAL)
      expect(body.content).toMatch(/expired/)
    }
  })
})

describe('mentions and direct messages', () => {
  it('replies to a mention with the answer, the mention stripped from the question', async () => {
    const body = await say(`<@!${BOT_ID}> who is Alicia Bárcena?`)
    expect(textOf(body)).toContain('press conference held in Washington')
    expect(body.allowed_mentions).toEqual(NO_PINGS)
    expect(limitProblems(body)).toEqual([])
  })

  it('answers a bare mention with a short how-to', async () => {
    const body = await say(`<@${BOT_ID}>`)
    expect(body.content).toMatch(/^Ask me a question about the article/)
    expect(body.embeds).toEqual([])
  })

  it('answers a DM in a channel it has never seen (Partials.Channel)', async () => {
    const dm: Where = { dm: nextId() }
    const body = await say('Who is Andrew Selee?', dm, false)
    const reply = bot.fake.requests.find((r) => r.body?.message_reference && r.path === `/channels/${(dm as { dm: string }).dm}/messages`)
    expect(reply).toBeDefined()
    expect(textOf(body)).toContain('Selee')
  })

  it('ignores server messages that do not mention it', async () => {
    const quiet = messageCreate('who is Andrew Selee?', guild, user(nextId()), false)
    bot.fake.dispatch('MESSAGE_CREATE', quiet)
    await say(`<@${BOT_ID}>`) // handled after the quiet one: by now it would have been answered
    expect(bot.fake.requests.some((r) => r.body?.message_reference?.message_id === quiet.id)).toBe(false)
  })

  it('logged its invite link with both scopes and the permissions it needs', () => {
    const line = bot.logs.find((l) => l.includes('invite'))
    expect(line).toContain('https://discord.com/oauth2/authorize?client_id=900000000000000002&scope=bot+applications.commands&permissions=274877991936')
  })
})

describe('an event discord.js cannot read', () => {
  it('is logged and skipped; the next one is answered and nothing is left unhandled', async () => {
    const malformed: Record<string, unknown> = slashCommand('help', [], guild, nextId())
    delete malformed.entitlements // discord.js's constructor throws without it
    bot.fake.dispatch('INTERACTION_CREATE', malformed)
    const next = slashCommand('help', [], guild, nextId())
    bot.fake.dispatch('INTERACTION_CREATE', next)
    expect((await interactionOutcome(bot.fake, next)).callback.body.type).toBe(4)
    expect(bot.logs.some((l) => l.startsWith('skipped a gateway event discord.js could not read (INTERACTION_CREATE)'))).toBe(true)
  })
})
