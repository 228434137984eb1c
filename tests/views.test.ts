/**
 * The explainer views in the core: on the seed article checked item by item, and on every article
 * the repository holds (the seed and the fixtures of other styles) checked for what must always
 * hold: views not empty, every citation a sentence of the article, every item's words taken from
 * the sentences it cites.
 */
import { describe, expect, it } from 'vitest'
import { buildKnowledgeBase, type KnowledgeBase } from '../src/core/knowledge-base.js'
import type { Article } from '../src/core/types.js'
import {
  type NumberItem,
  type QuoteItem,
  type TimelineItem,
  viewCommandOf,
  viewForQuestion,
  viewRequestOf,
  viewsOf,
  type WhoItem,
} from '../src/core/views/index.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

const seed = buildKnowledgeBase(loadKnowledge('knowledge'))
const views = viewsOf(seed)
const items = views.all('mexico-migration')
const FIXTURES = 'tests/fixtures/views'

const who = (name: string): WhoItem | undefined => items.who.find((w) => w.name === name)

describe("who's who on the seed article", () => {
  it('names the people with the roles the article gives them', () => {
    expect(who('Andrew Selee')?.role).toBe('president of the nonpartisan Migration Policy Institute')
    expect(who('Alicia Bárcena')?.role).toBe('Mexican Foreign Secretary')
    expect(who('Arturo Sarukhán')?.role).toBe('former Mexican ambassador to Washington')
    expect(who('Ned Price')?.role).toBe('senior advisor to Blinken')
    expect(who('Elizabeth Sherwood-Randall')?.role).toBe('homeland security advisor to President Biden')
    expect(who('Antony Blinken')?.role).toBe('US Secretary of State')
    expect(who('Vicente Fox')?.role).toBe('Mexican leader')
    for (const name of ['Andrew Selee', 'Maureen Meyer', 'Alicia Bárcena', 'Arturo Sarukhán', 'Ned Price', 'George W. Bush', 'Donald Trump'])
      expect(who(name)?.kind, name).toBe('person')
  })

  it('counts every form of a name once: López Obrador, Obrador and the full name are one person', () => {
    const amlo = items.who.filter((w) => /Obrador/.test(w.name) || w.aliases?.some((a) => /Obrador/.test(a)))
    expect(amlo).toHaveLength(1)
    expect(amlo[0].name).toBe('Andrés Manuel López Obrador')
    expect(amlo[0].aliases).toContain('López Obrador')
    expect(items.who.filter((w) => /Meyer/.test(w.name))).toHaveLength(1)
    expect(items.who.filter((w) => /Price/.test(w.name))).toHaveLength(1)
  })

  it('tells the think tanks and government bodies apart from people, and leaves places out', () => {
    for (const name of ['Migration Policy Institute', 'Washington Office on Latin America', 'Mexican Supreme Court', 'State Department', 'White House'])
      expect(who(name)?.kind, name).toBe('organization')
    const names = items.who.map((w) => w.name)
    for (const place of ['Mexico', 'Washington', 'El Paso', 'Guatemala', 'Latin America', 'Central America', 'United States'])
      expect(names).not.toContain(place)
  })

  it('lists them in order of first mention', () => {
    const first = items.who.map((w) => Number(w.citations[0].ref.split('#p')[1]))
    expect(first).toEqual([...first].sort((a, b) => a - b))
    expect(items.who.findIndex((w) => w.name === 'Andrew Selee')).toBeLessThan(items.who.findIndex((w) => w.name === 'Ned Price'))
  })
})

describe('timeline', () => {
  const dated = (list: TimelineItem[]) => list.filter((t) => t.date).map((t) => t.date as string)

  it('puts the dated events of the seed in time order, captions shown as captions, relative dates as written', () => {
    const dates = dated(items.timeline)
    expect(dates).toEqual([...dates].sort())
    expect(dates.indexOf('2001')).toBeLessThan(dates.indexOf('2019'))
    const caption = items.timeline.find((t) => t.date === '2022-10-21')
    expect(caption?.citations[0].kind).toBe('caption')
    // The seed has no published date: "last month" cannot be worked out and is kept as written.
    const lastMonth = items.timeline.find((t) => t.when === 'last month')
    expect(lastMonth).toBeDefined()
    expect(lastMonth?.date).toBeUndefined()
  })

  it('resolves relative dates against the published date, past and future', () => {
    const kb = buildKnowledgeBase(loadKnowledge(`${FIXTURES}/council-vote`))
    const timeline = viewsOf(kb).all('council-vote').timeline
    const at = (when: string) => timeline.find((t) => t.when.toLowerCase() === when)?.date
    expect(at('on tuesday')).toBe('2024-03-12')
    expect(at('last month')).toBe('2024-02')
    expect(at('last year')).toBe('2023')
    expect(at('in june')).toBe('2024-06')
    expect(dated(timeline)).toEqual([...dated(timeline)].sort())
  })

  it("resolves the seed's relative dates once it has a published date", () => {
    const articles = loadKnowledge('knowledge').map((a) => ({ ...a, published: '2023-10-13' }))
    const timeline = viewsOf(buildKnowledgeBase(articles)).all('mexico-migration').timeline
    expect(timeline.find((t) => t.when === 'last month')?.date).toBe('2023-09')
    expect(timeline.find((t) => t.when === 'last Wednesday')?.date).toBe('2023-10-11')
    expect(dated(timeline)).toEqual([...dated(timeline)].sort())
  })
})

describe('key numbers on the seed article', () => {
  const find = (value: RegExp) => items.numbers.find((n) => value.test(n.value))
  it('gives each figure with what it counts', () => {
    expect(find(/2,000/)?.what).toMatch(/^miles/)
    expect(find(/^six$/)?.what).toBe('flights per week')
    expect(find(/30%/)?.what).toMatch(/^decrease in the number of migrants/)
    expect(find(/200,000/)?.what).toMatch(/^apprehensions/)
    expect(find(/15-point/)?.what).toBe('plan')
    expect(find(/^tens of thousands$/i)?.what).toMatch(/Cubans|Mexicans/)
  })
  it('leaves years and labels to others: no 2001, no Title 42', () => {
    const values = items.numbers.map((n: NumberItem) => n.value)
    for (const v of ['2001', '2019', '2018', '42', '2022', '21']) expect(values).not.toContain(v)
  })
})

describe('quotes on the seed article', () => {
  it('gives every quotation with its speaker', () => {
    expect(items.quotes.length).toBeGreaterThanOrEqual(8)
    for (const q of items.quotes) expect(q.speaker, q.quote).toBeDefined()
    const speakers = new Set(items.quotes.map((q) => q.speaker))
    expect(speakers).toEqual(new Set(['Andrew Selee', 'Maureen Meyer', 'Andrés Manuel López Obrador', 'Arturo Sarukhán', 'Ned Price']))
    const multi = items.quotes.find((q) => q.quote.startsWith('We hold deep respect'))
    expect(multi?.quote).toMatch(/thriving democracy$/)
    expect(multi?.speaker).toBe('Ned Price')
  })
  it('filters by speaker, by surname or alias', () => {
    const price = views.get('quotes', { name: 'Price' })
    expect(price.status === 'ok' && price.items.map((q) => (q as QuoteItem).speaker)).toEqual(['Ned Price', 'Ned Price'])
    const amlo = views.get('quotes', { name: 'AMLO' })
    expect(amlo.status === 'ok' && amlo.items.length).toBe(2)
    const nobody = views.get('quotes', { name: 'Biden' })
    expect(nobody.status === 'ok' && nobody.items).toEqual([])
  })
})

describe('view commands', () => {
  it('a first word that names something of every object ("constructor", "toString") is no command', () => {
    // The commands were looked up in a plain object: "constructor" found Object's function and
    // the chat crashed on it.
    for (const text of ['constructor', 'constructor of the bridge?', 'toString', '__proto__']) expect(viewCommandOf(text)).toBeUndefined()
    expect(viewCommandOf('timeline')?.view).toBe('timeline')
  })
})

describe('views asked for in words', () => {
  it.each([
    ["who's who?", 'who'],
    ['Who is who', 'who'],
    ['give me a timeline', 'timeline'],
    ['show me the timeline of the article', 'timeline'],
    ['what are the key numbers?', 'numbers'],
    ['key figures', 'numbers'],
    ['quotes', 'quotes'],
    ['quotes by Price', 'quotes'],
    ["Meyer's quotes", 'quotes'],
    ['what did Price say?', 'quotes'],
  ])('%s -> %s', (question, view) => {
    expect(viewRequestOf(question)?.view).toBe(view)
  })
  it.each([
    'Who is Andrew Selee?',
    'what is the timeline for the deportation flights?',
    'how many flights per week?',
    'what did the article say about Guatemala?',
    'what did Meyer say about the southern border?',
  ])('%s stays an ordinary question', (question) => {
    expect(viewForQuestion(seed, question)).toBeUndefined()
  })
  it('asks "what did X say?" as a view only when X is quoted', () => {
    expect(viewForQuestion(seed, 'what did Price say?')?.status).toBe('ok')
    expect(viewForQuestion(seed, 'what did Biden say?')).toBeUndefined()
  })
})

/** Every article the repository holds: the seed and the fixtures of other styles. */
function everyArticle(): { name: string; kb: KnowledgeBase; articles: Article[] }[] {
  return [
    { name: 'seed', kb: seed, articles: loadKnowledge('knowledge') },
    ...['harbor-history', 'comet-science', 'council-vote'].map((name) => {
      const articles = loadKnowledge(`${FIXTURES}/${name}`)
      return { name, kb: buildKnowledgeBase(articles), articles }
    }),
  ]
}

describe.each(everyArticle())('every view of $name', ({ kb, articles }) => {
  const slug = [...kb.articles.keys()][0]
  const all = viewsOf(kb).all(slug)
  const sentences = new Set(kb.facts.map((f) => f.text))
  // The article as written (its blocks are read when it is compiled, not kept in the knowledge base).
  const source =
    articles
      .find((a) => a.slug === slug)
      ?.blocks.map((b) => b.text)
      .join('\n') ?? ''
  const cited = (item: { citations: { quote: string }[] }) => item.citations.map((c) => c.quote).join(' ')

  it('is not empty', () => {
    expect(all.who.length).toBeGreaterThan(0)
    expect(all.timeline.length).toBeGreaterThan(0)
    expect(all.numbers.length).toBeGreaterThan(0)
    expect(all.quotes.length).toBeGreaterThan(0)
  })
  it('cites sentences of the article word for word', () => {
    for (const item of [...all.who, ...all.timeline, ...all.numbers, ...all.quotes]) {
      expect(item.citations.length).toBeGreaterThan(0)
      for (const c of item.citations) {
        expect(sentences.has(c.quote)).toBe(true)
        expect(source).toContain(c.quote)
      }
    }
  })
  it('invents no text: names, roles, dates as written, figures and quotations are words of the cited sentences', () => {
    for (const w of all.who) {
      expect(cited(w)).toContain(w.name)
      if (w.role) expect(cited(w)).toContain(w.role)
    }
    for (const t of all.timeline) {
      expect(t.citations[0].quote).toBe(t.text)
      expect(t.text).toContain(t.when)
    }
    for (const n of all.numbers) {
      expect(cited(n)).toContain(n.value)
      expect(cited(n)).toContain(n.what)
    }
    for (const q of all.quotes) expect(cited(q)).toContain(q.quote)
  })
})
