import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deriveAliases, parseAliasFile } from '../src/core/aliases.js'
import { KnowledgeError } from '../src/core/errors.js'
import { createExplainer } from '../src/core/explainer.js'
import type { KnowledgeBase } from '../src/core/knowledge-base.js'
import { splitIntoFacts } from '../src/core/split-into-facts.js'
import type { Article, Fact } from '../src/core/types.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

let article: Article
let facts: Fact[]
let kb: KnowledgeBase

beforeAll(() => {
  const loaded = loadKnowledge('knowledge/mexico-migration')
  expect(loaded).toHaveLength(1)
  article = loaded[0]
  facts = splitIntoFacts(article)
  kb = createExplainer(loaded).knowledge
})

/** The one fact whose text starts with `start`. */
function fact(start: string): Fact {
  const found = facts.filter((f) => f.text.startsWith(start))
  expect(found, `facts starting with ${JSON.stringify(start)}`).toHaveLength(1)
  return found[0]
}

describe('ingest of the seed article: what kind each sentence is', () => {
  it('loads the seed article with its slug, title and outlet', () => {
    expect(article.slug).toBe('mexico-migration')
    expect(article.title).toMatch(/^Strategic Shift: Mexico's Crackdown on Migrants/)
    expect(article.outlet).toBe('CNN')
  })

  it('turns every "> Photo:" line into one caption fact', () => {
    const captions = facts.filter((f) => f.kind === 'caption').map((f) => f.text)
    expect(captions).toHaveLength(4)
    expect(captions[0]).toBe(
      'Members of the Mexican National Guard stand on the border between Mexico and Guatemala to prevent the crossing of migrant caravans on October 21, 2022.',
    )
    // A two-sentence caption stays one fact: it is shown as one caption.
    expect(captions[1]).toMatch(/^Emergency personnel are seen .*mitigate its graphic content\.$/)
    expect(captions).toContain('Claudia Sheinbaum, left, and Xochitl Galvez')
  })

  it('turns every "> Related:" line into a related fact, never into body text', () => {
    const related = facts.filter((f) => f.kind === 'related').map((f) => f.text)
    expect(related).toEqual([
      'At least 10 Cuban migrants die after truck overturns in Mexico, officials say',
      "In the country of 'machismo,' a woman will be the next president",
    ])
  })

  it('keeps credits in the article but never makes them facts', () => {
    const credits = article.blocks.filter((b) => b.kind === 'credit').map((b) => b.text)
    expect(credits).toEqual(['Lugos TV/Handout/Reuters', 'Getty Images'])
    for (const credit of credits) expect(facts.some((f) => f.text.includes(credit))).toBe(false)
    expect(facts.some((f) => (f.kind as string) === 'credit')).toBe(false)
  })

  it('makes the standfirst and every repeated headline a headline fact', () => {
    const headlines = facts.filter((f) => f.kind === 'headline')
    expect(headlines.filter((f) => f.text === article.title)).toHaveLength(5)
    expect(headlines.filter((f) => f.text.startsWith('Amidst the US immigration crisis'))).toHaveLength(1)
  })

  it('recognises the repeated headlines as duplicates of the first, so they are not searched or cited twice', () => {
    const repeats = kb.facts.filter((f) => f.text === article.title)
    expect(repeats).toHaveLength(5)
    expect(kb.duplicates.has(repeats[0].id)).toBe(false)
    for (const r of repeats.slice(1)) expect(kb.duplicates.has(r.id)).toBe(true)
    // Nothing else in the article repeats word for word.
    expect(kb.duplicates.size).toBe(4)
  })

  it('builds the knowledge base from the same facts splitIntoFacts gives', () => {
    expect(kb.facts).toEqual(facts)
  })

  it('gives each fact its paragraph, position and section, and ids in order', () => {
    expect(facts.map((f) => f.id)).toEqual(facts.map((_, i) => i))
    const bush = fact('In 2001, George W. Bush')
    expect(bush.paragraph).toBe(8)
    expect(bush.position).toBe(1)
    expect(bush.section).toBeUndefined()
    const title42 = fact('During the pandemic, the US implemented Title 42')
    expect(title42.section).toBe('Crossing another line in immigration enforcement')
    expect(title42.position).toBe(0)
  })

  it('splits body paragraphs into sentences that are verbatim slices of the paragraph', () => {
    for (const f of facts) {
      const block = article.blocks.find((b) => b.paragraph === f.paragraph)
      expect(block?.text).toContain(f.text)
    }
    // "George W. Bush" did not end a sentence.
    expect(facts.some((f) => f.text.endsWith('George W.'))).toBe(false)
  })
})

describe('ingest of the seed article: who speaks', () => {
  it('takes the speaker of "According to Andrew Selee, …" from the phrase', () => {
    const f = fact('According to Andrew Selee')
    expect(f.speaker).toBe('Andrew Selee')
    expect(f.kind).toBe('quote')
  })

  it('resolves "she stated" after a quotation to the last person named (Maureen Meyer)', () => {
    const f = fact('"It is actually providing the opportunity')
    expect(f.speaker).toBe('Maureen Meyer')
    expect(f.kind).toBe('quote')
  })

  it('expands a surname alone ("Meyer stated…") to the full name given earlier', () => {
    expect(fact('Meyer stated that the southern border').speaker).toBe('Maureen Meyer')
    expect(fact('Sarukhán commented that').speaker).toBe('Arturo Sarukhán')
  })

  it('gives the opening sentence of a quotation the speaker named only at its end (Ned Price)', () => {
    const open = fact('"We hold deep respect for the sovereignty of Mexico.')
    expect(open.text).toBe('"We hold deep respect for the sovereignty of Mexico.')
    expect(open.speaker).toBe('Ned Price')
    expect(open.kind).toBe('quote')
    const close = fact('We firmly believe in the importance')
    expect(close.speaker).toBe('Ned Price')
  })

  it('keeps the speaker for a quotation that continues in the next sentence (López Obrador)', () => {
    expect(fact('"Our objective is to reach a mutual understanding').speaker).toBe('López Obrador')
    const continued = fact('"It is crucial that we synchronize our efforts."')
    expect(continued.speaker).toBe('López Obrador')
    expect(continued.kind).toBe('quote')
  })

  it('does not take "the foreign minister of Mexico revealed" as Mexico speaking', () => {
    expect(fact('Last month, in anticipation of the news').speaker).toBeUndefined()
  })

  it('gives captions, related headlines and headlines no speaker', () => {
    for (const f of facts.filter((x) => x.kind !== 'body' && x.kind !== 'quote')) expect(f.speaker).toBeUndefined()
  })
})

describe('aliases', () => {
  it('derives MPI, WOLA, UNHCR and AMLO from the names the seed article spells out', () => {
    const table = deriveAliases([article.title, ...article.blocks.map((b) => b.text)].join('\n'))
    expect([...(table.get('mpi') ?? [])]).toContain('migration policy institute')
    expect([...(table.get('wola') ?? [])]).toContain('washington office on latin america')
    expect([...(table.get('unhcr') ?? [])]).toContain('united nations high commissioner for refugees')
    // Derived from "President Andrés Manuel López Obrador": the title in front does not hide the initials.
    expect([...(table.get('amlo') ?? [])]).toContain('andres manuel lopez obrador')
  })

  it('takes an acronym the text states in parentheses', () => {
    const table = deriveAliases('The agreement was signed by the Organization of Petroleum Exporting Countries (OPEC) in Vienna.')
    expect([...(table.get('opec') ?? [])]).toContain('organization of petroleum exporting countries')
  })

  it('puts the derived aliases into the knowledge base', () => {
    for (const a of ['mpi', 'wola', 'unhcr', 'amlo']) expect(kb.aliases.has(a), a).toBe(true)
  })

  it('reads the seed aliases.txt both ways (alias -> meaning and meaning -> alias)', () => {
    expect(article.aliases['foreign minister']).toEqual(['foreign secretary'])
    expect(article.aliases['foreign secretary']).toEqual(['foreign minister'])
    expect(article.aliases['mexican president']).toEqual(['lopez obrador'])
  })

  it('parses "ALIAS = MEANING, MEANING" lines, skipping comments and blank lines', () => {
    const table = parseAliasFile('# comment\n\nAMLO = Andrés Manuel López Obrador, López Obrador # trailing comment\r\n', 'aliases.txt')
    expect([...(table.get('amlo') ?? [])]).toEqual(['andres manuel lopez obrador', 'lopez obrador'])
    expect([...(table.get('lopez obrador') ?? [])]).toEqual(['amlo'])
  })

  it('rejects a line that is not "ALIAS = MEANING" with a KnowledgeError naming file:line', () => {
    const call = () => parseAliasFile('# comment\nforeign minister = Foreign Secretary\nthis line has no equals sign\n', 'knowledge/x/aliases.txt')
    expect(call).toThrow(KnowledgeError)
    expect(call).toThrow('knowledge/x/aliases.txt:3:')
    expect(call).toThrow('this line has no equals sign')
  })

  it('rejects a line with nothing on one side of "="', () => {
    expect(() => parseAliasFile('ok = fine\n= no alias\n', 'a.txt')).toThrow('a.txt:2:')
    expect(() => parseAliasFile('no meaning =\n', 'a.txt')).toThrow('a.txt:1:')
  })

  describe('through loadKnowledge', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'explainer-aliases-'))
      writeFileSync(join(dir, 'article.md'), '# A Title\n\nA paragraph.\n')
      writeFileSync(join(dir, 'aliases.txt'), 'UN = United Nations\n\nbroken line\n')
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('names the aliases.txt path and line when the alias file is malformed', () => {
      expect(() => loadKnowledge(dir)).toThrow(KnowledgeError)
      expect(() => loadKnowledge(dir)).toThrow(`${join(dir, 'aliases.txt')}:3:`)
    })
  })
})
