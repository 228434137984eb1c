/**
 * One clean answer on Discord, end to end, over an article with a `url` in its front matter: each
 * sentence once, quotation marks as the article has them, the standfirst named so, and each
 * citation linking to its sentence with a text fragment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { interactionOutcome, limitProblems, messageBody, nextId, slashCommand, startBot, type TestBot, type Where } from './driver.js'
import type { Body } from './fake-discord.js'

const URL_OF_ARTICLE = 'https://news.example.org/ferry-timetable'
let bot: TestBot
let guild: Where

beforeAll(async () => {
  bot = await startBot(createExplainer(loadKnowledge('tests/fixtures/linked')), { rateLimit: { limit: 1_000, windowMs: 1_000 } })
  guild = { guild: bot.fake.guilds[0] }
})
afterAll(async () => bot?.close())

async function ask(question: string): Promise<Body> {
  const payload = slashCommand('ask', [{ name: 'question', type: 3, value: question }], guild, nextId())
  bot.fake.dispatch('INTERACTION_CREATE', payload)
  return messageBody((await interactionOutcome(bot.fake, payload)).final) as Body
}

describe('citations on Discord', () => {
  it('link each quote to its sentence in the article, and show each sentence once', async () => {
    const body = await ask('What did Brightwater tell the board?')
    const [embed] = body.embeds
    expect(embed.fields.length).toBeGreaterThan(1)
    for (const f of embed.fields) expect(f.value).toMatch(new RegExp(`\\(${URL_OF_ARTICLE}#:~:text=[^)\\s]+\\)`))
    // Split out of one quotation, each sentence keeps both its marks.
    expect(embed.description).toContain('"The crews have asked for a steady season," Brightwater told the board.')
    // The other sentences are quoted in their citations, once each, with their marks.
    const values = embed.fields.map((f: { value: string }) => f.value).join('\n')
    expect(values).toContain('"We would rather sail fewer boats on time than more boats late."')
    for (const sentence of ['The crews have asked', 'We would rather sail', "The board's chair"])
      expect(`${embed.description}\n${values}`.split(sentence).length - 1).toBe(1)
    expect(limitProblems(body)).toEqual([])
  })

  it('label the standfirst as a standfirst, not a headline', async () => {
    const body = await ask('What is the article about?')
    const names: string[] = body.embeds[0].fields.map((f: { name: string }) => f.name)
    expect(names.some((n) => n.includes('standfirst'))).toBe(true)
    expect(names.some((n) => n.includes('headline'))).toBe(false)
  })
})
