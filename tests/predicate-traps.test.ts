import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createExplainer, type Explainer } from '../src/core/explainer.js'
import { parseArticle } from '../src/core/parse-article.js'
import { PREDICATE_TRAPS } from '../src/core/predicate-traps.js'
import { parseQuestion } from '../src/core/question.js'
import { findTrap } from '../src/core/traps.js'
import type { Answer } from '../src/core/types.js'

/**
 * The traps of predicate-traps.ts on a hand-written article (tests/fixtures/traps/orchard.md):
 * chat questions close to the article whose key word it never says. Each was answered with the
 * closest sentence before these traps existed; each has a near twin the article does answer.
 */
let bot: Explainer
beforeAll(() => {
  bot = createExplainer([parseArticle(readFileSync('tests/fixtures/traps/orchard.md', 'utf8'), 'orchard')])
})

/** Declined, citing the closest sentence and saying why it is not the answer. */
function declinedCiting(a: Answer, quote: string, why: RegExp): void {
  expect(a.status).toBe('not_found')
  expect(a.citations.map((c) => c.quote)).toEqual([quote])
  expect(a.text).toMatch(why)
  expect(a.text).toContain(quote)
}

function answered(a: Answer, quote: string): void {
  expect(a.status).toBe('answered')
  expect(a.citations[0].quote).toBe(quote)
}

const PLANTED = 'Farmer Nora Quist planted the first pear trees at Valley Orchard in 2011.'
const MARKET = 'After the October market, Quist told reporters that the cider sold out in two days.'
const MARGIN = 'The orchard kept its margin on cider low to keep prices fair for families.'
const VILLAGE = 'Pickers from the village harvested the apples by hand.'
const FORMER = '"The frost took half the blossom in April," said Ivo Brandt, a former manager of the orchard.'

describe('predicate traps: what the question asks, the article never says', () => {
  it('a short question whose verb the article never uses, answered by a sentence sharing only its name', () => {
    declinedCiting(bot.ask('Why did Nora Quist retire?'), PLANTED, /never mentions "retire".*says nothing of "retire"/)
    answered(bot.ask('When did Nora Quist plant the pear trees?'), PLANTED)
  })

  it('a defining question whose asked thing the article never names ("population")', () => {
    declinedCiting(bot.ask('What is the population of the village?'), VILLAGE, /never mentions "population"/)
    answered(bot.ask('Who harvested the apples?'), VILLAGE)
  })

  it('how a question is asked ("exactly", "again") is no word the article must hold', () => {
    answered(bot.ask('Who is Nora Quist, exactly?'), PLANTED)
    answered(bot.ask('Why did Nora Quist plant pears again?'), PLANTED)
  })

  it('a word that names the kind of answer wanted ("role", "job", "mean") is no word the article must hold', () => {
    // "a former manager" is his role though the article never writes "role": the word asks for
    // the answer's kind, as "which bridge" does. Before, these were declined as never mentioned.
    answered(bot.ask("What was Ivo Brandt's role at the orchard?"), FORMER)
    answered(bot.ask("What was Ivo Brandt's job?"), FORMER)
    // A verb the article never uses is still what a short question asks.
    declinedCiting(bot.ask('Why did Nora Quist retire?'), PLANTED, /never mentions "retire"/)
  })

  it('a typo is not a word the article lacks', () => {
    // "plnat" is a misspelt "plant": corrected, and the question is answered.
    answered(bot.ask('When did Nora Quist plnat the pear trees?'), PLANTED)
  })

  it('a "when" question whose only time in the sentence is the one it gives itself', () => {
    declinedCiting(bot.ask('When did the October market end?'), MARKET, /only date, "October", is the one the question gives/)
    // Without a word the article lacks, the month is the answer.
    answered(bot.ask('When was the market?'), MARKET)
  })

  it('a "when will" question answered by a sentence that only tells what has happened', () => {
    declinedCiting(bot.ask('When will the cider sell out?'), MARKET, /does not say when that will happen.*what has happened, not what will/)
    answered(bot.ask('When will the farm shop open?'), 'A farm shop at the orchard will open in May.')
    answered(bot.ask('When did the cider sell out?'), MARKET)
  })

  it('a compound asked ("profit margin") where the sentence has only its head ("margin")', () => {
    declinedCiting(bot.ask("What is the orchard's profit margin?"), MARGIN, /does not mention "profit margin".*speaks of "margin" but not "profit margin"/)
    answered(bot.ask("What is the orchard's margin on cider?"), MARGIN)
  })

  it("a role asked of today, given only as someone's former role", () => {
    declinedCiting(bot.ask("Who is the orchard's manager now?"), FORMER, /does not say who the manager is now.*only a former manager/)
    answered(bot.ask('Who was the former manager of the orchard?'), FORMER)
  })

  it("each decline is the trap's: switched off, the closest sentence would be the answer", () => {
    const kb = bot.knowledge
    const id = (text: string) => kb.facts.findIndex((f) => f.text === text)
    const cases: [keyof typeof PREDICATE_TRAPS, string, number, string][] = [
      ['shortQuestion', 'Why did Nora Quist retire?', id(PLANTED), 'unknown-word'],
      ['askedHead', 'What is the population of the village?', id(VILLAGE), 'unknown-word'],
      ['echo', 'When did the October market end?', id(MARKET), 'echo'],
      ['future', 'When will the cider sell out?', id(MARKET), 'future'],
      ['compound', "What is the orchard's profit margin?", id(MARGIN), 'compound'],
      ['former', "Who is the orchard's manager now?", id(FORMER), 'former'],
    ]
    for (const [name, question, fact, kind] of cases) {
      const q = parseQuestion(kb, question)
      expect(findTrap(kb, q, fact)?.kind).toBe(kind)
      PREDICATE_TRAPS[name] = false
      try {
        expect(findTrap(kb, q, fact)).toBeUndefined()
      } finally {
        PREDICATE_TRAPS[name] = true
      }
    }
  })
})
