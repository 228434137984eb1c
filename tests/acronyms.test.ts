import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readsAsAcronym } from '../src/core/acronyms.js'
import { deriveAliases } from '../src/core/aliases.js'
import { createExplainer } from '../src/core/explainer.js'
import { parseArticle } from '../src/core/parse-article.js'
import { parseQuestion } from '../src/core/question.js'

/**
 * Acronyms and names typed the chat way (src/core/acronyms.ts), on a hand-written article
 * (tests/fixtures/acronyms/harbour-relief.md). It spells out "the United Nations" and "the United
 * States" and writes only "IMF"; it also has "us" as a pronoun. Each golden case was declined or
 * answered from the wrong sentence before the mechanism existed.
 */
const article = parseArticle(readFileSync('tests/fixtures/acronyms/harbour-relief.md', 'utf8'), 'harbour-relief')
const bot = createExplainer([article])
const quoteOf = (q: string) => {
  const answer = bot.ask(q)
  expect(answer.status, q).toBe('answered')
  return answer.citations[0].quote
}
const derived = (text: string) => Object.fromEntries([...deriveAliases(text)].map(([a, m]) => [a, [...m]]))

describe('acronyms typed the chat way', () => {
  it('"the un" typed lower-case is the United Nations the article spells out', () => {
    // Two sentences say who "will pay for" something; only the first names the United Nations.
    // Before, "un" was a word the article never uses and the question was declined.
    expect(quoteOf('what will the un pay for')).toBe('The United Nations will pay for a new sea wall along the northern quay.')
    expect(quoteOf('What will the Un pay for?')).toBe('The United Nations will pay for a new sea wall along the northern quay.')
  })

  it('a name asked in full meets the acronym the article writes instead', () => {
    // The article writes only "IMF". Before, International, Monetary and Fund were three names
    // the article never mentions, and the answer was declined as not covered.
    expect(quoteOf('What did the International Monetary Fund promise?')).toBe('The IMF has promised a loan to repair the harbour cranes.')
    expect(quoteOf('what did the international monetary fund promise')).toBe('The IMF has promised a loan to repair the harbour cranes.')
  })

  it('"the us" is the United States, "tell us" stays a pronoun', () => {
    // "us" is everyday English: read as the acronym only after "the". Before, "the us" was the
    // pronoun and the answer was the fishermen's sentence, which holds "us".
    expect(quoteOf('what did the us send')).toBe('Grain from the United States arrived at the harbour on Tuesday.')
    const kb = bot.knowledge
    const pronoun = parseQuestion(kb, 'what did the fishermen tell us').concepts.find((c) => c.word === 'us')
    expect(pronoun?.stems.has('state')).toBe(false)
    expect(quoteOf('what did the fishermen tell us')).toBe('Fishermen told us the catch had halved since the storm.')
    // "the" counts right before the word, not anywhere in the question.
    expect(readsAsAcronym('us', 'the', new Set())).toBe(true)
    expect(readsAsAcronym('us', 'tell', new Set())).toBe(false)
  })

  it('a name whose initials the article writes for another name is not read as it', () => {
    // "GEB" is the article's Grain Export Board: a Global Energy Bank asked is another body with
    // the same letters, and still a name the article never mentions.
    const other = createExplainer([parseArticle('# Harvest\n\nThe Grain Export Board (GEB) sets the price.\n\nThe GEB raised it in May.\n', 'harvest')])
    const q = parseQuestion(other.knowledge, 'What did the Global Energy Bank raise?')
    expect(q.concepts.some((c) => c.stems.has('geb'))).toBe(false)
    expect(other.ask('What did the Global Energy Bank raise?').status).toBe('not_found')
  })

  it('an archive keeps the name most of its articles mean by an acronym with many', () => {
    // Four names share the initials U N; four articles out of seven mean the United Nations.
    // Before, an acronym with more than three names was dropped whatever their counts.
    const un = (i: number) => parseArticle(`# Talks ${i}\n\nThe United Nations sent observers to region ${i}.\n`, `un-${i}`)
    const other = ['Ugandan Navy', 'Utah Nurses', 'Upper Norwood'].map((name, i) =>
      parseArticle(`# Other ${i}\n\nThe ${name} met on the shore.\n`, `other-${i}`),
    )
    const archive = createExplainer([un(1), un(2), un(3), un(4), ...other])
    expect([...(archive.knowledge.aliases.get('un') ?? [])]).toEqual(['united nations'])
  })
})

describe('deriving acronyms from the names a text spells out', () => {
  it('takes "Name (ACR)" and "ACR (Name)" when the letters fit the words', () => {
    const table = derived('The Office for National Statistics (ONS) said so. The UN (United Nations) met. The Computer Science Network (CSNET) grew.')
    expect(table.ons).toEqual(['office for national statistics'])
    expect(table.un).toEqual(['united nations'])
    expect(table.csnet).toContain('computer science network')
  })

  it('does not read a nationality in parentheses as an acronym', () => {
    expect(derived('Shortlisted were Doris Lessing (UK) and others.').uk).toBeUndefined()
  })

  it('leaves out dates, honorifics, sentence openers and two names joined by "and"', () => {
    const table = derived('Talks began in Washington on Friday. Mr Parton sang. But Northern Ireland won. Rosneft and Gazprom merged.')
    expect(table.wf).toBeUndefined()
    expect(table.mp).toBeUndefined()
    expect(table.bni).toBeUndefined()
    expect(table.ni).toEqual(['northern ireland'])
    expect(table.rg).toBeUndefined()
  })

  it('keeps a name with "and" when the text writes its acronym, and a Roman numeral as itself', () => {
    const table = derived('The Securities and Exchange Commission sued. The SEC said no. It was World War II.')
    expect(table.sec).toEqual(['securities and exchange commission'])
    expect(table.wwii).toEqual(['world war ii'])
  })

  it('starts no initials from a word already in capitals', () => {
    const table = derived('US Secretary of State Antony Blinken spoke.')
    expect(table.ussab).toBeUndefined()
    expect(table.ssab).toEqual(['secretary of state antony blinken'])
    // A possessive hides neither an acronym nor a date.
    const possessive = derived("The UK's Office of Fair Trading ran November's New York City Marathon checks.")
    expect(possessive.uoft).toBeUndefined()
    expect(possessive.oft).toEqual(['office of fair trading'])
    expect(possessive.nnyc).toBeUndefined()
  })
})
