import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createExplainer } from '../src/core/explainer.js'
import { expressionsIn, holdsExpression } from '../src/core/expressions.js'
import { words } from '../src/core/normalize.js'
import { parseArticle } from '../src/core/parse-article.js'
import { parseQuestion } from '../src/core/question.js'

/**
 * Idioms in questions (src/core/expressions.ts, table from scripts/tables/expressions.mjs): a
 * WordNet multi-word verb or adverb is one idea, met by its single-word synonyms; its own words
 * count fully only where the sentence has the idiom too. The article is hand-written
 * (tests/fixtures/expressions/shipyard.md); both golden cases fail without the mechanism.
 */
const shipyard = parseArticle(readFileSync('tests/fixtures/expressions/shipyard.md', 'utf8'), 'shipyard')
const found = (q: string) => expressionsIn(words(q)).map((e) => e.words.join(' '))

describe('idioms in questions', () => {
  it('"take … back" is answered by "repossess", not by "taking on" in another sense', () => {
    // Word by word, "take" is the question's rarest word and only the welders sentence has it
    // ("taking on forty welders": hiring), so that sentence won. "take back" is WordNet's
    // "repossess" (its second sense), which the ferries sentence uses: it answers the question.
    const bot = createExplainer([shipyard])
    const answer = bot.ask('Which ferries will the shipyard take back?')
    expect(answer.status).toBe('answered')
    expect(answer.citations[0].quote).toMatch(/^Under the new contract, the shipyard will repossess/)
    // "taking on" asked as such is still the welders sentence: it is no idiom of the table.
    expect(bot.ask('How many welders is the shipyard taking on?').citations[0].quote).toMatch(/^The shipyard is taking on/)
  })

  it('"step down" is not the opposite of "sped up": an idiom\'s particle is no opposite for the trap', () => {
    // The opposite trap read "down" literally and declined: the sentence says "up". "step down"
    // is WordNet's "resign", which the sentence says.
    const bot = createExplainer([shipyard])
    const answer = bot.ask('When did Ana Ruiz step down?')
    expect(answer.status).toBe('answered')
    expect(answer.citations[0].quote).toMatch(/Ana Ruiz, resigned in May/)
  })

  it('finds idioms side by side, with a short object between verb and particle, and in irregular forms', () => {
    expect(found('who set up the company')).toEqual(['set up'])
    expect(found('why did they call the whole thing off')).toEqual(['call off'])
    expect(found('which countries took the deportees back')).toEqual(['took back'])
    expect(found('what did they get in return')).toEqual([])
    expect(found('how many attended at once')).toEqual(['at once'])
    // "or" is no object: "go up or down" is "go up", not "make … up".
    expect(found('what makes prices go up or down')).toEqual(['go up'])
    // A verb followed by a preposition is mostly the verb itself ("work on"): not read as an idiom.
    expect(found('who was working on the problem')).toEqual([])
  })

  it('reads the idiom as one idea with its synonyms, and leaves "what kind of" as it was', () => {
    const bot = createExplainer([shipyard])
    const q = parseQuestion(bot.knowledge, 'When did Ana Ruiz step down?')
    const idiom = q.concepts.find((c) => c.expression)
    expect(idiom?.word).toBe('step-down')
    expect([...(idiom?.synonyms ?? [])]).toEqual(['resign'])
    expect(q.concepts.map((c) => c.word)).not.toContain('down')
    // "kind of" is a WordNet adverb ("rather"), but neither of its words is an idea of the question.
    const kind = parseQuestion(bot.knowledge, 'What kind of ferries will the shipyard repossess?')
    expect(kind.concepts.some((c) => c.expression)).toBe(false)
  })

  it('knows a sentence that has the idiom itself, in any form of its verb', () => {
    const takeBack = { words: ['take', 'back'], movable: true }
    expect(holdsExpression(words('The yard took the two ferries back in March.'), takeBack)).toBe(true)
    expect(holdsExpression(words('The yard is taking back the ferries.'), takeBack)).toBe(true)
    expect(holdsExpression(words('The yard is taking on welders and sent them back.'), takeBack)).toBe(false)
  })
})
