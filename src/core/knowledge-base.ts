import SearchableMap from 'minisearch/SearchableMap'
import type { AliasTable } from './aliases.js'
import { type ArticleInfo, type CompiledArticle, compileArticle, FLAG, togetherOf } from './compile-article.js'
import { type FactProfile, orNone } from './fact-features.js'
import { terms } from './normalize.js'
import { buildSearchIndex, countIn, type Postings, type SearchIndex } from './search-index.js'
import type { Article, Fact } from './types.js'

/** Everything `ask()` needs, assembled from the compiled articles. Plain data plus a search index. */
export type KnowledgeBase = {
  articles: Map<string, ArticleInfo>
  facts: Fact[]
  /** What a fact offers each kind of question; worked out when first asked for, since a question reads a few hundred. */
  profile: (id: number) => FactProfile
  /** A fact's stems in the order its sentence has them, repeats kept (stop words left out). */
  terms: (id: number) => readonly string[]
  index: SearchIndex
  /** How many searchable facts contain each stem: rare stems say more. */
  df: Map<string, number>
  searchableCount: number
  /** Every stem, sorted, to find related stems ("democrat" / "democraci") by prefix. */
  stems: string[]
  /** Surface words and how often they occur, for spelling correction. */
  vocabulary: SearchableMap<number>
  aliases: AliasTable
  /** Acronyms the articles write in capitals, folded ("un", "fbi"): what a name asked in full may be written as (acronyms.ts). */
  acronyms: Set<string>
  /** The articles' words in the order first met (the vocabulary's own words, aliases left out). */
  words: string[]
  wordCounts: number[]
  /** Each article's facts are ids start (inclusive) to end (exclusive), in article order. */
  factRanges: Map<string, { start: number; end: number }>
  /** Each fact's flags (compile-article.ts FLAG): what it offers, whether it repeats or joins the one before. */
  flags: Uint8Array
  /** Each fact's article, as an ordinal into `slugs`. */
  articleOf: Uint32Array
  slugs: string[]
  /** How many searchable facts each article has. */
  searchableIn: Map<string, number>
  /** Stems of each section heading, shared by the facts under it. */
  sectionStems: Map<string, Set<string>>
  /** Facts that repeat an earlier one word for word (a headline repeated where a photo stood). */
  duplicates: Set<number>
  /** The compiled articles it was assembled from, to assemble it again with one of them changed. */
  compiled: CompiledArticle[]
}

/** Compiled articles already part of a knowledge base (see join). */
const assembled = new WeakSet<CompiledArticle>()

/**
 * A derived acronym standing for more names than this is ambiguous: only a name that most of the
 * articles deriving it mean is kept. On the 2,092 BBC articles, "UN" is derived 18 times, 15 of
 * them as "united nations"; "US" 42 of about 50 as "united states", "EU" 43 of 50 as "european
 * union": kept. "PM" (48 names, "prime minister" 12 times) and "FA" (18 names, "football
 * association" 12 of about 40) are dropped, as all of them were before.
 */
const MAX_DERIVED_MEANINGS = 3

export type BuildProgress = (done: number, total: number) => void

/** Compiles each article (the slow part: sentences, profiles) and assembles the knowledge base. */
export function buildKnowledgeBase(articles: Article[], onProgress?: BuildProgress): KnowledgeBase {
  const compiled: CompiledArticle[] = []
  const step = Math.max(1, Math.ceil(articles.length / 20))
  articles.forEach((article, i) => {
    compiled.push(compileArticle(article))
    if ((i + 1) % step === 0 || i + 1 === articles.length) onProgress?.(i + 1, articles.length)
  })
  if (!articles.length) onProgress?.(0, 0)
  return assemble(compiled)
}

const EMPTY: string[] = []

/**
 * Joins compiled articles into one knowledge base: fact ids, profiles, the search index, document
 * frequencies, the vocabulary and the aliases. It reads no article text, so it costs a fraction of
 * compiling, and a changed article is compiled alone and assembled with the others.
 */
export function assemble(compiled: CompiledArticle[], merged?: Merged): KnowledgeBase {
  const steps = join(compiled, merged)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** assemble as steps, for a caller that takes turns with the event loop between them. */
export function assembleSteps(compiled: CompiledArticle[], merged?: Merged): Generator<void, KnowledgeBase> {
  return join(compiled, merged)
}

/** Units joined between two turns of the event loop. */
const UNITS_PER_STEP = 200

/**
 * What the articles give together: the vocabulary (word and count) and the aliases. Saved beside
 * the compiled articles, so a start with nothing changed does not merge 600,000 word counts again.
 */
export type Merged = { words: string; counts: number[]; aliases: [string, string[]][]; acronyms: string; postings?: Postings }

export function mergedOf(kb: KnowledgeBase): Merged {
  const { text, repeated, speaker, section } = kb.index
  return {
    words: kb.words.join(' '),
    counts: kb.wordCounts,
    aliases: [...kb.aliases].map(([a, m]) => [a, [...m]]),
    acronyms: [...kb.acronyms].join(' '),
    postings: { text, repeated, speaker, section },
  }
}

function* join(compiled: CompiledArticle[], merged?: Merged): Generator<void, KnowledgeBase> {
  const facts: Fact[] = []
  const flagsOf: number[] = []
  const namesOf: (string[] | 0)[] = []
  const rolesOf: (string[] | 0)[] = []
  const termsOf: string[][] = []
  const speakerTermsOf: (string[] | 0)[] = []
  const lengths: number[] = []
  const duplicates = new Set<number>()
  const articles = new Map<string, ArticleInfo>()
  const factRanges: KnowledgeBase['factRanges'] = new Map()
  const searchableIn = new Map<string, number>()
  const aliases: AliasTable = new Map()
  /** Derived acronym -> name -> how many articles derive it. */
  const derived = new Map<string, Map<string, number>>()
  const acronyms = new Set<string>()
  const wordCounts = new Map<string, number>()
  for (const [u, unit] of compiled.entries()) {
    if (u % UNITS_PER_STEP === UNITS_PER_STEP - 1) yield
    const slug = unit.info.slug
    articles.set(slug, unit.info)
    const start = facts.length
    let searchable = 0
    const seen = assembled.has(unit)
    assembled.add(unit)
    unit.facts.forEach((local, i) => {
      // A compiled article seen for the first time lends its facts; one already assembled (a
      // reload) may still be answering elsewhere, so its facts are copied if their ids move.
      // The text is shared, never copied.
      let fact = local
      if (local.id !== start + i) {
        if (seen) fact = { ...local, id: start + i }
        else local.id = start + i
      }
      facts.push(fact)
      const flags = unit.flags[i]
      if (flags & FLAG.duplicate) duplicates.add(fact.id)
      else searchable++
      termsOf.push(unit.terms[i])
      speakerTermsOf.push(unit.speakerTerms[i])
      flagsOf.push(flags)
      namesOf.push(unit.names[i])
      rolesOf.push(unit.roles[i])
      lengths.push(unit.lengths[i * 3], unit.lengths[i * 3 + 1], unit.lengths[i * 3 + 2])
    })
    factRanges.set(slug, { start, end: facts.length })
    searchableIn.set(slug, searchable)
    if (merged) continue
    const together = togetherOf(unit)
    for (const [alias, meanings] of together.aliases) mergeInto(aliases, alias, meanings)
    for (const [alias, meanings] of together.derived) countInto(derived, alias, meanings)
    if (together.acronyms) for (const a of together.acronyms.split(' ')) acronyms.add(a)
    const ws = together.words ? together.words.split(' ') : EMPTY
    ws.forEach((w, i) => {
      wordCounts.set(w, (wordCounts.get(w) ?? 0) + together.counts[i])
    })
  }
  if (merged) {
    for (const [alias, meanings] of merged.aliases) aliases.set(alias, new Set(meanings))
    if (merged.acronyms) for (const a of merged.acronyms.split(' ')) acronyms.add(a)
    const ws = merged.words ? merged.words.split(' ') : EMPTY
    ws.forEach((w, i) => {
      wordCounts.set(w, merged.counts[i])
    })
  }
  // In a large archive "US" is the initials of hundreds of names; an acronym with that many
  // meanings says nothing and would make every question using it search hundreds of words.
  if (!merged)
    for (const [alias, counts] of derived) {
      const meanings = unambiguous(counts)
      if (meanings.length) mergeInto(aliases, alias, meanings)
    }

  const sectionStems = new Map<string, Set<string>>()
  for (const fact of facts) if (fact.section && !sectionStems.has(fact.section)) sectionStems.set(fact.section, new Set(terms(fact.section)))
  yield
  const index = yield* buildSearchIndex({
    facts,
    duplicates,
    termsOf: (id) => termsOf[id],
    speakerTermsOf: (id) => speakerTermsOf[id],
    lengthOf: (id, field) => lengths[id * 3 + field],
    sectionTerms: (section) => terms(section),
    ...(merged?.postings ? { postings: merged.postings } : {}),
  })
  const df = new Map<string, number>()
  for (const [stem, list] of index.text) df.set(stem, list.length)

  yield
  const vocabulary = new SearchableMap<number>()
  for (const [w, n] of wordCounts) vocabulary.set(w, n)
  for (const alias of aliases.keys()) if (!alias.includes(' ')) vocabulary.set(alias, (vocabulary.get(alias) ?? 0) + 1)
  const words = [...wordCounts.keys()]
  const counts = [...wordCounts.values()]

  const none = orNone(new Set())
  const asSet = (list: string[] | 0) => (list ? new Set(list) : none)
  const profiles: FactProfile[] = new Array(facts.length)
  const profile = (id: number): FactProfile => {
    let p = profiles[id]
    if (!p) {
      const flags = flagsOf[id]
      p = {
        own: new Set(termsOf[id]),
        speaker: asSet(speakerTermsOf[id]),
        number: !!(flags & FLAG.number),
        time: !!(flags & FLAG.time),
        names: asSet(namesOf[id]),
        place: !!(flags & FLAG.place),
        cause: !!(flags & FLAG.cause),
        roles: asSet(rolesOf[id]),
      }
      profiles[id] = p
    }
    return p
  }

  const slugs = [...articles.keys()]
  const articleOf = new Uint32Array(facts.length)
  slugs.forEach((slug, a) => {
    const range = factRanges.get(slug)
    if (range) articleOf.fill(a, range.start, range.end)
  })

  return {
    articles,
    flags: Uint8Array.from(flagsOf),
    slugs,
    articleOf,
    facts,
    profile,
    terms: (id) => termsOf[id],
    index,
    df,
    searchableCount: index.count,
    stems: [...df.keys()].sort(),
    vocabulary,
    aliases,
    acronyms,
    words,
    wordCounts: counts,
    factRanges,
    searchableIn,
    sectionStems,
    duplicates,
    compiled,
  }
}

function countInto(table: Map<string, Map<string, number>>, alias: string, meanings: Iterable<string>): void {
  const counts = table.get(alias) ?? new Map<string, number>()
  table.set(alias, counts)
  for (const m of meanings) counts.set(m, (counts.get(m) ?? 0) + 1)
}

/** The names a derived acronym keeps: all of a few, or of many the one most articles mean (see MAX_DERIVED_MEANINGS). */
function unambiguous(counts: Map<string, number>): string[] {
  if (counts.size <= MAX_DERIVED_MEANINGS) return [...counts.keys()]
  let total = 0
  for (const n of counts.values()) total += n
  return [...counts].filter(([, n]) => n * 2 > total).map(([m]) => m)
}

function mergeInto(table: AliasTable, alias: string, meanings: Iterable<string>): void {
  const set = table.get(alias) ?? new Set<string>()
  table.set(alias, set)
  for (const m of meanings) set.add(m)
}

/** How many searchable facts of an article use the stem. */
export function countInArticle(kb: KnowledgeBase, stem: string, slug: string): number {
  const range = kb.factRanges.get(slug)
  return range ? countIn(kb.index, stem, range.start, range.end) : 0
}

/**
 * Sentences of the same paragraph just before and after: where a paraphrase's words may be. Their
 * stems are looked up here rather than stored with every fact, which would double the memory.
 */
export function neighboursOf(kb: KnowledgeBase, id: number): number[] {
  const f = kb.facts[id]
  return [id - 1, id + 1].filter((n) => {
    const g = kb.facts[n]
    return g && g.article === f.article && g.paragraph === f.paragraph
  })
}
