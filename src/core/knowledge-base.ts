import MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { type AliasTable, deriveAliases } from './aliases.js'
import { type FactProfile, profileFact } from './fact-features.js'
import { STOP_WORDS, terms, withWordMemo, words } from './normalize.js'
import { INDEX_OPTIONS, type IndexedFact } from './search-options.js'
import { splitIntoFacts } from './split-into-facts.js'
import type { Article, Fact } from './types.js'

/** Everything `ask()` needs, built once from the articles. Plain data plus one MiniSearch index. */
export type KnowledgeBase = {
  articles: Map<string, Article>
  facts: Fact[]
  profiles: FactProfile[]
  index: MiniSearch<IndexedFact>
  /** How many searchable facts contain each stem: rare stems say more. */
  df: Map<string, number>
  searchableCount: number
  /** Every stem, sorted, to find related stems ("democrat" / "democraci") by prefix. */
  stems: string[]
  /** Surface words and how often they occur, for spelling correction. */
  vocabulary: SearchableMap<number>
  aliases: AliasTable
  /** The same document frequencies within each article, to judge each article on its own. */
  perArticle: Map<string, { df: Map<string, number>; count: number }>
  /** Each article's facts are ids start (inclusive) to end (exclusive), in article order. */
  factRanges: Map<string, { start: number; end: number }>
  /** Stems of each section heading, shared by the facts under it. */
  sectionStems: Map<string, Set<string>>
  /** Facts that repeat an earlier one word for word (a headline repeated where a photo stood). */
  duplicates: Set<number>
}

/** A derived acronym standing for more names than this is ambiguous and dropped. */
const MAX_DERIVED_MEANINGS = 3

export type BuildProgress = (done: number, total: number) => void

/** The neighbouring sentences of the same paragraph and the section heading, as one text. */
function contextOf(facts: Fact[], id: number): string {
  const f = facts[id]
  const near = [facts[id - 1], facts[id + 1]].filter((n) => n && n.article === f.article && n.paragraph === f.paragraph)
  return [...near.map((n) => n.text), f.section ?? ''].join('\n')
}

export function buildKnowledgeBase(articles: Article[], onProgress?: BuildProgress): KnowledgeBase {
  return withWordMemo(() => build(articles, onProgress))
}

function build(articles: Article[], onProgress?: BuildProgress): KnowledgeBase {
  const facts: Fact[] = []
  const aliases: AliasTable = new Map()
  const derived: AliasTable = new Map()
  const byslug = new Map<string, Article>()
  for (const article of articles) {
    byslug.set(article.slug, article)
    // One by one: spreading a long article's facts into push() overflows the call stack.
    for (const fact of splitIntoFacts(article, facts.length)) facts.push(fact)
    deriveAliases([article.title, ...article.blocks.map((b) => b.text)].join('\n'), derived)
    for (const [alias, meanings] of Object.entries(article.aliases)) {
      const set = aliases.get(alias) ?? new Set<string>()
      aliases.set(alias, set)
      for (const m of meanings) set.add(m)
    }
  }
  // In a large archive "US" is the initials of hundreds of names; an acronym with that many
  // meanings says nothing and would make every question using it search hundreds of words.
  for (const [alias, meanings] of derived) {
    if (meanings.size > MAX_DERIVED_MEANINGS) continue
    const set = aliases.get(alias) ?? new Set<string>()
    aliases.set(alias, set)
    for (const m of meanings) set.add(m)
  }

  const seen = new Set<string>()
  const duplicates = new Set<number>()
  const index = new MiniSearch<IndexedFact>(INDEX_OPTIONS)
  const profiles: FactProfile[] = []
  const wordCounts = new Map<string, number>()
  const batch: IndexedFact[] = []

  for (const fact of facts) {
    profiles.push(profileFact(fact))
    for (const w of words(fact.text)) if (!STOP_WORDS.has(w)) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1)
    const key = `${fact.article}\u0000${fact.text}`
    if (seen.has(key)) {
      duplicates.add(fact.id)
    } else {
      seen.add(key)
      batch.push({ id: fact.id, text: fact.text, speaker: fact.speaker ?? '', context: contextOf(facts, fact.id) })
    }
  }
  // Indexing is the slow part of a large build: add in chunks so progress can be shown.
  const chunk = Math.max(500, Math.ceil(batch.length / 20))
  for (let i = 0; i < batch.length; i += chunk) {
    index.addAll(batch.slice(i, i + chunk))
    onProgress?.(Math.min(i + chunk, batch.length), batch.length)
  }
  if (!batch.length) onProgress?.(0, 0)

  const vocabulary = new SearchableMap<number>()
  for (const [w, n] of wordCounts) vocabulary.set(w, n)
  for (const alias of aliases.keys()) if (!alias.includes(' ')) vocabulary.set(alias, (vocabulary.get(alias) ?? 0) + 1)

  return assemble({ articles: byslug, facts, profiles, index, vocabulary, aliases, duplicates })
}

/** What a knowledge base is made of; everything else in it is worked out from these. */
export type KnowledgeParts = Pick<KnowledgeBase, 'articles' | 'facts' | 'profiles' | 'index' | 'vocabulary' | 'aliases' | 'duplicates'>

/** Adds the statistics a knowledge base keeps (shared by a fresh build and a loaded snapshot). */
export function assemble(parts: KnowledgeParts): KnowledgeBase {
  const { facts, profiles, duplicates } = parts
  const df = new Map<string, number>()
  const perArticle: KnowledgeBase['perArticle'] = new Map()
  const factRanges: KnowledgeBase['factRanges'] = new Map()
  const sectionStems = new Map<string, Set<string>>()
  let searchableCount = 0
  for (const fact of facts) {
    const range = factRanges.get(fact.article)
    if (range) range.end = fact.id + 1
    else factRanges.set(fact.article, { start: fact.id, end: fact.id + 1 })
    if (fact.section && !sectionStems.has(fact.section)) sectionStems.set(fact.section, new Set(terms(fact.section)))
    if (duplicates.has(fact.id)) continue
    searchableCount++
    const own = profiles[fact.id].own
    const stats = perArticle.get(fact.article) ?? { df: new Map<string, number>(), count: 0 }
    perArticle.set(fact.article, stats)
    stats.count++
    for (const t of own) {
      df.set(t, (df.get(t) ?? 0) + 1)
      stats.df.set(t, (stats.df.get(t) ?? 0) + 1)
    }
  }
  return { ...parts, df, searchableCount, stems: [...df.keys()].sort(), perArticle, factRanges, sectionStems }
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
