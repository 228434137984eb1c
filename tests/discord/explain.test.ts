/**
 * `/explain` end to end: the real discord.js Client against the fake Discord. A member runs the
 * command, pages through a long view with Previous/Next, filters quotes by a person chosen with
 * autocomplete, and with several articles is asked which one first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import {
  BOT_ID,
  buttonClick,
  type CommandOption,
  interactionOutcome,
  limitProblems,
  messageBody,
  messageCreate,
  messagesThatMayPing,
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

beforeAll(async () => {
  bot = await startBot(seedExplainer(), { rateLimit: { limit: 1_000, windowMs: 1_000 } })
  guild = { guild: bot.fake.guilds[0] }
})

afterAll(async () => {
  try {
    expect(messagesThatMayPing(bot.fake)).toEqual([])
  } finally {
    await bot?.close()
  }
})

async function interact(fake: TestBot['fake'], payload: { id: string; token: string }) {
  fake.dispatch('INTERACTION_CREATE', payload)
  const { callback } = await interactionOutcome(fake, payload)
  return { type: callback.body.type as number, body: messageBody(callback) as Body }
}

const explain = (options: CommandOption[], where = guild, fake = bot.fake) => interact(fake, slashCommand('explain', options, where, nextId()))
const view = (value: string): CommandOption => ({ name: 'view', type: 3, value })
const buttons = (body: Body): { label: string; custom_id: string; disabled?: boolean }[] => (body.components ?? []).flatMap((r: Body) => r.components)

describe('/explain', () => {
  it("shows who's who as an embed: people with roles, organizations marked, each with its sentence", async () => {
    const { type, body } = await explain([view('who')])
    expect(type).toBe(4)
    const text = textOf(body)
    expect(body.embeds[0].title).toBe("Who's who")
    expect(text).toContain('Andrew Selee — president of the nonpartisan Migration Policy Institute')
    expect(text).toContain('Migration Policy Institute (organization)')
    expect(text).toContain('¶')
    expect(limitProblems(body)).toEqual([])
  })

  it('pages a long view with Previous and Next, each page within the limits', async () => {
    const first = await explain([view('timeline')])
    expect(first.body.embeds[0].footer.text).toMatch(/page 1 of (\d+)/)
    const pages = Number(first.body.embeds[0].footer.text.match(/page 1 of (\d+)/)[1])
    expect(pages).toBeGreaterThan(1)
    const [previous, next] = buttons(first.body)
    expect(previous.label).toBe('Previous')
    expect(previous.disabled).toBe(true)
    expect(next.disabled).toBe(false)

    const second = await interact(bot.fake, buttonClick(next.custom_id, first.body, guild, nextId()))
    expect(second.type).toBe(7) // the message itself is replaced: no new message per page
    expect(second.body.embeds[0].footer.text).toContain(`page 2 of ${pages}`)
    expect(second.body.embeds[0].description).not.toBe(first.body.embeds[0].description)
    expect(limitProblems(second.body)).toEqual([])

    const back = await interact(bot.fake, buttonClick(buttons(second.body)[0].custom_id, second.body, guild, nextId()))
    expect(back.body.embeds[0].description).toBe(first.body.embeds[0].description)
  })

  it('filters quotes by the person chosen, offered by autocomplete', async () => {
    const payload = slashCommand('explain', [view('quotes'), { name: 'person', type: 3, value: 'Pri', focused: true }], guild, nextId())
    const typed = { ...payload, type: 4 }
    bot.fake.dispatch('INTERACTION_CREATE', typed)
    const { callback } = await interactionOutcome(bot.fake, typed)
    const choices: { name: string; value: string }[] = callback.body.data.choices
    expect(choices.map((c) => c.value)).toContain('Ned Price')
    // As /ask's question: what was typed first, any word's prefix, a misspelling corrected.
    const misspelt = { ...slashCommand('explain', [view('quotes'), { name: 'person', type: 3, value: 'Sarukan', focused: true }], guild, nextId()), type: 4 }
    bot.fake.dispatch('INTERACTION_CREATE', misspelt)
    const offered: string[] = (await interactionOutcome(bot.fake, misspelt)).callback.body.data.choices.map((c: { value: string }) => c.value)
    expect(offered[0]).toBe('Sarukan')
    expect(offered.some((n) => n.includes('Sarukhán'))).toBe(true)

    const { body } = await explain([view('quotes'), { name: 'person', type: 3, value: 'Ned Price' }])
    const text = textOf(body)
    expect(body.embeds[0].title).toBe('Quotes: Ned Price')
    expect(text).toContain('We hold deep respect for the sovereignty of Mexico')
    expect(text).not.toContain('Sarukhán:')
  })

  it('answers a view asked in words in a mention', async () => {
    const message = messageCreate(`<@${BOT_ID}> what are the key numbers?`, guild, user(nextId()), true)
    bot.fake.dispatch('MESSAGE_CREATE', message)
    const reply = messageBody(await replyTo(bot.fake, message.id)) as Body
    expect(reply.embeds[0].title).toBe('Key numbers')
    expect(textOf(reply)).toContain('flights per week')
  })
})

describe('/explain with several articles', () => {
  let several: TestBot
  beforeAll(async () => {
    several = await startBot(createExplainer([...loadKnowledge('knowledge'), ...loadKnowledge('tests/fixtures/views')]))
  })
  afterAll(async () => several?.close())

  it('asks which article, with a button per article, then shows that article’s view', async () => {
    const where = { guild: several.fake.guilds[0] }
    const asked = await explain([view('numbers')], where, several.fake)
    expect(textOf(asked.body)).toContain('Which article?')
    const choice = buttons(asked.body).find((b) => b.label.startsWith('Comet Halden-7'))
    expect(choice).toBeDefined()
    const shown = await interact(several.fake, buttonClick(choice?.custom_id ?? '', asked.body, where, nextId()))
    expect(shown.body.embeds[0].footer.text).toContain('Comet Halden-7')
    expect(textOf(shown.body)).toContain('210 million — euros')
  })

  it('takes the article option, autocompleted by title', async () => {
    const where = { guild: several.fake.guilds[0] }
    const payload = { ...slashCommand('explain', [view('who'), { name: 'article', type: 3, value: 'riverton', focused: true }], where, nextId()), type: 4 }
    several.fake.dispatch('INTERACTION_CREATE', payload)
    const { callback } = await interactionOutcome(several.fake, payload)
    expect(callback.body.data.choices).toEqual([{ name: 'Riverton council approves new bridge after long debate', value: 'council-vote' }])
    const { body } = await explain([view('who'), { name: 'article', type: 3, value: 'council-vote' }], where, several.fake)
    expect(textOf(body)).toContain('Joanna Castellanos — Mayor')
  })
})
