import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createExplainer } from '../src/core/explainer.js'
import { namesTheKind } from '../src/core/focus.js'
import { stem } from '../src/core/normalize.js'
import { parseArticle } from '../src/core/parse-article.js'
import { parseQuestion } from '../src/core/question.js'
import { rankFacts } from '../src/core/rank.js'

/**
 * The kind of thing a question asks for ("What countries …", "Which company …", "How many
 * lorries …") and the sentences that name instances of it (src/core/focus.ts). Each ranking case
 * is checked twice: with the kind, the sentence that names the instances wins; with the kind
 * taken off the parsed question, the other sentence does, so the mechanism is what decides.
 */
const fixture = (name: string) => parseArticle(readFileSync(`tests/fixtures/ranking/${name}.md`, 'utf8'), name)

function topTwice(name: string, question: string): { withKind: string; withoutKind: string } {
  const kb = createExplainer([fixture(name)]).knowledge
  const q = parseQuestion(kb, question)
  const top = (ranked: ReturnType<typeof rankFacts>) => kb.facts[ranked[0].id].text
  return { withKind: top(rankFacts(kb, q)), withoutKind: top(rankFacts(kb, { ...q, kind: undefined })) }
}

describe('the kind asked for', () => {
  it('is read for every type that names one, and carried on the Question', () => {
    const kb = createExplainer([fixture('grain')]).knowledge
    const kind = (question: string) => parseQuestion(kb, question).kind
    // `where`, `who` and `number` patterns eat the kind's word; it is kept apart from the concepts.
    expect(parseQuestion(kb, 'What countries does the port sell grain to?').type).toBe('where')
    expect(kind('What countries does the port sell grain to?')).toBe(stem('countries'))
    expect(kind('Which company built the ferries?')).toBe(stem('company'))
    expect(kind('How many countries buy grain?')).toBe(stem('countries'))
    expect(kind('What kind of grain does the port sell?')).toBe(stem('grain'))
    // A capitalised word qualifies the kind rather than being it.
    expect(kind('What British general led the march?')).toBe(stem('general'))
    // A framing clause no longer hides it (it did when the kind was read from the whole question).
    expect(kind('According to the harbour board, which countries buy grain?')).toBe(stem('countries'))
    // No kind: a verb, a count, a part of something, a date or an amount.
    for (const q of [
      'What happened to the quay?',
      'What caused the storm?',
      'What two ports trade?',
      'What part of the port burned?',
      'What year was the quay rebuilt?',
      'How much grain was sold?',
    ])
      expect(kind(q), q).toBeUndefined()
  })

  it('is named by a sentence that lists, names or counts instances of it', () => {
    const countri = stem('countries')
    expect(namesTheKind('It sells to countries such as Norway and Latvia.', countri, [])).toBe('listed')
    expect(namesTheKind('It sells to three countries: Norway, Latvia and Estonia.', countri, [])).toBe('listed')
    expect(namesTheKind('It sells to two countries, Norway and Latvia.', countri, [])).toBe('listed')
    expect(namesTheKind('It sells to countries in the north, including Norway.', countri, [])).toBe('listed')
    expect(namesTheKind('The Kelso Bridge was rebuilt.', stem('bridge'), [])).toBe('named')
    expect(namesTheKind('The depot sent 40 lorries north.', stem('lorries'), [], true)).toBe('counted')
    // Not instances: lower-case words, a name the question used, a list in the next clause.
    expect(namesTheKind('Many countries like to buy grain.', countri, [])).toBeUndefined()
    expect(namesTheKind('It sells to countries such as Norway.', countri, ['norway'])).toBeUndefined()
    expect(namesTheKind('It sells to other countries; like Norway, it pays late.', countri, [])).toBeUndefined()
    expect(namesTheKind('The depot sent lorries north with 12 drivers.', stem('lorries'), [], true)).toBeUndefined()
  })

  it('"What countries …" prefers "countries such as Norway, Latvia and Estonia" to a sentence naming another place', () => {
    // Both sentences hold every word of the question. The first names a place ("in Dunmore"), so
    // as a `where` answer it looked the better fit; but Dunmore is where the officials are, not a
    // country the grain goes to. The second names the countries asked for, as a list after the
    // kind's word: that list is the answer, and it now counts as naming places too.
    const { withKind, withoutKind } = topTwice('grain', 'What countries does the port sell grain to?')
    expect(withKind).toBe('The port sells its grain to countries such as Norway, Latvia and Estonia.')
    expect(withoutKind).toMatch(/^Officials in Dunmore/)
  })

  it('"Which company …" prefers "Three companies, Acme, Brill and Corvo, …" to "local companies"', () => {
    // Both say companies built the ferries; only the second says which. The `who` pattern ate
    // "company", so the kind was lost before it was carried on the Question; the shorter first
    // sentence won on the search score.
    const { withKind, withoutKind } = topTwice('ferry', 'Which company built the new ferries?')
    expect(withKind).toMatch(/^Three companies, Acme, Brill and Corvo/)
    expect(withoutKind).toMatch(/^Officials in Dunmore/)
  })

  it('"How many lorries …" prefers the sentence that counts the lorries to one that counts drivers', () => {
    // Both sentences say the depot sends lorries north and both hold a figure; only in the second
    // does the figure count the lorries ("40 lorries"): the first's 12 counts drivers.
    const { withKind, withoutKind } = topTwice('grain', 'How many lorries does the depot send north?')
    expect(withKind).toMatch(/depot sends 40 lorries north/)
    expect(withoutKind).toMatch(/^Each spring the depot sends lorries north, with 12 drivers/)
  })

  it('"According to X, which successor …" still finds the successor named', () => {
    // The kind was read from the whole folded question, where "according to …" came first: the
    // name next to "successor" went unrewarded and the two sentences tied (the earlier won).
    const bot = createExplainer([fixture('market')])
    const answer = bot.ask('According to the town records, which successor restored the market?')
    expect(answer.citations[0]?.quote).toMatch(/^The next successor, Louis Vane,/)
    const { withoutKind } = topTwice('market', 'According to the town records, which successor restored the market?')
    expect(withoutKind).toBe('A successor soon restored the old market after the fire and flood.')
  })
})
