import { deriveAliases, writtenAcronyms } from './aliases.js'
import { featuresOf } from './fact-features.js'
import { STOP_WORDS, stem, withWordMemo, words } from './normalize.js'
import { splitIntoFacts } from './split-into-facts.js'
import type { Article, Fact } from './types.js'

/** What the knowledge base keeps of an article besides its facts: its metadata and section headings. */
export type ArticleInfo = Omit<Article, 'blocks'> & { sections: string[] }

/** Bits of CompiledArticle.flags: what a sentence offers each kind of question (see FactProfile). */
export const FLAG = { number: 1, time: 2, place: 4, cause: 8, duplicate: 16, joined: 32 } as const

/**
 * Everything the knowledge base needs from one article, worked out from that article alone: its
 * facts, each fact's searchable terms and profile, its words and the acronyms it defines. Plain
 * JSON, so it can be saved and loaded instead of re-parsed, and built again for one changed article
 * without touching the others. Per fact arrays are parallel to `facts`.
 */
export type CompiledArticle = {
  info: ArticleInfo
  /** ids are positions within the article; the knowledge base shifts them. */
  facts: Fact[]
  /** The sentence's terms in order, repeats kept (the index counts them). */
  terms: string[][]
  /** The speaker's terms, or 0 when no one speaks. */
  speakerTerms: (string[] | 0)[]
  names: (string[] | 0)[]
  roles: (string[] | 0)[]
  flags: number[]
  /** Per fact, the distinct words of the sentence, of its speaker and of its context (neighbours and section heading). */
  lengths: number[]
  /**
   * What the article adds to the whole archive's vocabulary and aliases. A saved index keeps it as
   * a JSON string, read only when the archive changed (a start with nothing changed loads the
   * merged vocabulary instead): a seventh of the file that a start need not parse.
   */
  together: Together | string
}

export type Together = {
  /** Surface words (stop words left out) as one space-separated string, and how often each occurs. */
  words: string
  counts: number[]
  /** Acronyms the article itself implies ("Migration Policy Institute" gives MPI). */
  derived: [string, string[]][]
  /** Acronyms the article writes in capitals ("UN"), space-separated: what a name asked in full may be written as. */
  acronyms: string
  /** Aliases the operator declared in aliases.txt. */
  aliases: [string, string[]][]
}

/** The article's vocabulary and aliases, parsed once if they were loaded as a string. */
export function togetherOf(unit: CompiledArticle): Together {
  if (typeof unit.together === 'string') unit.together = JSON.parse(unit.together) as Together
  return unit.together
}

/** How many distinct words the lists hold together (MiniSearch's field length). */
function distinct(...lists: string[][]): number {
  if (lists.length === 1) return new Set(lists[0]).size
  const set = new Set<string>()
  for (const list of lists) for (const w of list) set.add(w)
  return set.size
}

/** The searchable terms of a list of words: stop words dropped, stemmed. */
function termsOf(list: string[]): string[] {
  const out: string[] = []
  for (const w of list) if (!STOP_WORDS.has(w)) out.push(stem(w))
  return out
}

/** The neighbouring sentences of the same paragraph: words a paraphrase may borrow. */
function neighbours(facts: Fact[], i: number): Fact[] {
  const f = facts[i]
  return [facts[i - 1], facts[i + 1]].filter((n): n is Fact => !!n && n.paragraph === f.paragraph)
}

export function compileArticle(article: Article): CompiledArticle {
  return withWordMemo(() => compile(article))
}

function compile(article: Article): CompiledArticle {
  const facts = splitIntoFacts(article, 0)
  const text = [article.title, ...article.blocks.map((b) => b.text)].join('\n')
  const out: CompiledArticle = {
    info: infoOf(article, facts),
    facts,
    terms: [],
    speakerTerms: [],
    names: [],
    roles: [],
    flags: [],
    lengths: [],
    together: {
      words: '',
      counts: [],
      derived: [...deriveAliases(text)].map(([a, m]) => [a, [...m]]),
      acronyms: [...writtenAcronyms(text)].join(' '),
      aliases: Object.entries(article.aliases),
    },
  }
  const wordCounts = new Map<string, number>()
  const seen = new Set<string>()
  facts.forEach((fact, i) => {
    const own = words(fact.text)
    const who = fact.speaker ? words(fact.speaker) : []
    const profile = featuresOf(fact)
    out.terms.push(termsOf(own))
    out.speakerTerms.push(who.length ? termsOf(who) : 0)
    out.names.push(profile.names.size ? [...profile.names] : 0)
    out.roles.push(profile.roles.size ? [...profile.roles] : 0)
    // A sentence the article repeats word for word (a headline where a photo stood) is kept, not searched.
    const duplicate = seen.has(fact.text)
    seen.add(fact.text)
    out.flags.push(
      (profile.number ? FLAG.number : 0) |
        (profile.time ? FLAG.time : 0) |
        (profile.place ? FLAG.place : 0) |
        (profile.cause ? FLAG.cause : 0) |
        (duplicate ? FLAG.duplicate : 0) |
        (joinsPrevious(article, facts, i) ? FLAG.joined : 0),
    )
    const context = [...neighbours(facts, i).map((n) => words(n.text)), words(fact.section ?? '')]
    out.lengths.push(distinct(own), distinct(who), distinct(...context))
    for (const w of own) if (!STOP_WORDS.has(w)) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1)
  })
  const together = out.together as Together
  together.words = [...wordCounts.keys()].join(' ')
  together.counts = [...wordCounts.values()]
  return out
}

/**
 * Does the sentence follow the one before it in the paragraph after a single space, so the two can
 * be quoted together as one passage of the article? (The paragraph's text is not kept after compiling.)
 */
function joinsPrevious(article: Article, facts: Fact[], i: number): boolean {
  const prev = facts[i - 1]
  const fact = facts[i]
  if (!prev || prev.paragraph !== fact.paragraph) return false
  const block = article.blocks[fact.paragraph - 1]
  return !!block?.text.includes(`${prev.text} ${fact.text}`)
}

function infoOf(article: Article, facts: Fact[]): ArticleInfo {
  const { blocks: _blocks, ...rest } = article
  return { ...rest, sections: [...new Set(facts.map((f) => f.section).filter((s): s is string => !!s))] }
}
