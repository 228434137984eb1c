/**
 * Conversations on Discord, end to end (real discord.js, fake Discord, real core over knowledge/):
 * a reply to the bot's answer with the reply ping on is a follow-up, answered as a reply in the
 * context of its reply chain; chat markup is not part of the question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BOT_ID,
  BOT_USER,
  interactionOutcome,
  messageCreate,
  nextId,
  replyTo,
  seedExplainer,
  slashCommand,
  startBot,
  type TestBot,
  textOf,
  user,
  type Where,
} from './driver.js'
import type { Body } from './fake-discord.js'

let bot: TestBot
let guild: Where
const member = user(nextId())

beforeAll(async () => {
  bot = await startBot(seedExplainer(), { rateLimit: { limit: 1_000, windowMs: 1_000 } })
  guild = { guild: bot.fake.guilds[0] }
})
afterAll(async () => {
  await bot?.close()
})

/** A member's message; resolves with it and the bot's reply to it. */
async function ask(content: string, where: Where = guild, extra: Body = {}) {
  const message = { ...messageCreate(content, where, member, !('dm' in where)), ...extra }
  bot.fake.post(message)
  const reply = await replyTo(bot.fake, message.id)
  return { message, reply, text: textOf(reply.body) }
}

/** The bot's message that answered `questionId`, as Discord holds it. */
function answerTo(questionId: string): Body {
  const found = [...bot.fake.messages.values()].find((m) => m.author.id === BOT_ID && m.message_reference?.message_id === questionId)
  if (!found) throw new Error(`no answer to ${questionId}`)
  return found
}

/** A reply to `to` as Discord sends it: type 19, the replied-to message along; the ping on mentions its author. */
function replyFields(to: Body, ping = true): Body {
  const channel = to.channel_id
  return {
    type: 19,
    message_reference: { message_id: to.id, channel_id: channel, guild_id: (guild as { guild: { id: string } }).guild.id },
    referenced_message: to,
    mentions: ping ? [BOT_USER] : [],
  }
}

describe('Discord: markup is not the question', () => {
  it("answers a question with another member's mention, a role and a channel link as without them", async () => {
    const plain = await ask(`<@${BOT_ID}> Who is Elizabeth Sherwood-Randall?`)
    const marked = await ask(`<@${BOT_ID}> Who is Elizabeth Sherwood-Randall? cc <@${nextId()}> <@&${nextId()}> <#${nextId()}>`)
    expect(plain.text).toContain('homeland security advisor')
    expect(marked.text).toBe(plain.text)
  })
})

describe('Discord: a reply chain is a conversation', () => {
  it("answers a reply to the bot's answer as a reply, in the context of the chain", async () => {
    const first = await ask(`<@${BOT_ID}> Who is Maureen Meyer?`)
    expect(first.text).toContain('Maureen Meyer')

    const second = await ask('what did she say?', guild, replyFields(answerTo(first.message.id)))
    expect(second.reply.body.message_reference.message_id).toBe(second.message.id)
    expect(second.text).toContain('buffer state')
    expect(second.text).not.toContain('Who do you mean')

    const third = await ask('and what did she say about deportations?', guild, replyFields(answerTo(second.message.id)))
    expect(third.text).toContain('deported from the United States')
  })

  it('a reply to an /ask answer follows up that answer', async () => {
    const interaction = slashCommand('ask', [{ name: 'question', type: 3, value: 'Who is Maureen Meyer?' }], guild, member.id)
    bot.fake.dispatch('INTERACTION_CREATE', interaction)
    await interactionOutcome(bot.fake, interaction)
    // The answer is the deferred reply, edited: Discord keeps it as the bot's message.
    const answer = [...bot.fake.messages.values()].filter((m) => m.author.id === BOT_ID && textOf(m).includes('Maureen Meyer')).at(-1)
    const followUp = await ask('what did she say?', guild, replyFields(answer))
    expect(followUp.text).toContain('buffer state')
  })

  it('without the chain, the same follow-up asks who is meant', async () => {
    expect((await ask(`<@${BOT_ID}> what did she say?`)).text).toContain('Who do you mean')
  })

  it('after a restart, reads the chain back from Discord (the answer replied to, and its question)', async () => {
    // A question and the bot's answer this process never saw, as Discord keeps them.
    const channel = (guild as { guild: { channel: string } }).guild.channel
    const question = { ...messageCreate(`<@${BOT_ID}> Who is Maureen Meyer?`, guild, member, true) }
    const answer = { ...question, id: nextId(), author: BOT_USER, content: '', type: 19, message_reference: { message_id: question.id, channel_id: channel } }
    bot.fake.messages.set(question.id, question)
    bot.fake.messages.set(answer.id, answer)
    const followUp = await ask('what did she say?', guild, replyFields(answer))
    expect(followUp.text).toContain('buffer state')
    expect(bot.fake.requests.some((r) => r.method === 'GET' && r.path === `/channels/${channel}/messages/${question.id}`)).toBe(true)
  })

  it('a reply to another member is not a follow-up of anything', async () => {
    const other = { ...messageCreate('Who is Maureen Meyer?', guild, user(nextId()), false) }
    bot.fake.messages.set(other.id, other)
    const reply = await ask(`<@${BOT_ID}> what did she say?`, guild, { ...replyFields(other), mentions: [BOT_USER, other.author] })
    expect(reply.text).toContain('Who do you mean')
  })
})

describe('Discord: a DM keeps its recent turns', () => {
  it('reads a DM follow-up in the context of the DM', async () => {
    const dm: Where = { dm: nextId() }
    await ask('Who is Maureen Meyer?', dm)
    expect((await ask('what did she say?', dm)).text).toContain('buffer state')
  })
})
