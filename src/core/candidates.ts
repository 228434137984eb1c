import { type KnowledgeBase, neighboursOf } from './knowledge-base.js'
import type { Question } from './question.js'
import { lowerBound, searchIndex } from './search-index.js'
import { FIELD_BOOST } from './search-options.js'

/** A fact worth scoring closely, with how well the search matched it. */
export type Candidate = { id: number; score: number }

/** How many candidates go on to the finer scoring in rank.ts. */
export const CANDIDATES = 40

/**
 * A stem found in more facts than this is left out of the candidate search when rarer ones are
 * there to lead: MiniSearch scores every fact matching any term, so one common word ("Mexico" in
 * an archive about Mexico) would make it score thousands. It still counts in the scoring below.
 */
export function commonLimit(kb: KnowledgeBase): number {
  return Math.max(60, Math.min(300, Math.floor(kb.searchableCount * 0.0025)))
}

/** At most this many stems lead the search: the rarest say the most and cost the least. */
const MAX_LEADING = 16
/** When every stem is common, the rarest few still find candidates. */
const FALLBACK_LEADING = 4

/**
 * The stems to fetch candidates with. Rarity is judged per idea of the question (a word with its
 * word family, as its weight is), so a rare family member ("normanz") cannot stand in for a common
 * word that was asked ("normandy"). Rare ideas lead; when none is rare, the rarest few.
 */
export function leadingStems(kb: KnowledgeBase, q: Question): string[] {
  const limit = commonLimit(kb)
  const ideas = q.concepts
    .map((c) => {
      const stems = [...c.stems].filter((s) => kb.df.has(s))
      return { stems, df: Math.max(0, ...stems.map((s) => kb.df.get(s) ?? 0)), word: c.word }
    })
    .filter((idea) => idea.stems.length)
    .sort((a, b) => a.df - b.df || (a.word < b.word ? -1 : 1))
  // A question with no word the knowledge uses ("flown") is searched with its words' synonyms ("flight").
  if (!ideas.length) return [...new Set(q.concepts.flatMap((c) => [...c.synonyms]))].slice(0, MAX_LEADING)
  const rare = ideas.filter((idea) => idea.df <= limit)
  const leading = rare.length ? rare : ideas.slice(0, FALLBACK_LEADING)
  return [...new Set(leading.flatMap((idea) => idea.stems))].slice(0, MAX_LEADING)
}

/**
 * Above this many postings (facts matching the leading stems, summed) one search over every fact
 * would be slow, so the articles are chosen first and only their facts are read. A single article
 * never gets near it: 16 stems in at most a few hundred facts.
 */
const POSTINGS_BUDGET = 2_000
/** How many articles the article-first path reads. */
const ARTICLES_FIRST = 5

/** The facts to score: by one MiniSearch search, or article first when that would be slow. */
export function fetchCandidates(kb: KnowledgeBase, q: Question): Candidate[] {
  const stems = leadingStems(kb, q)
  if (!stems.length) return []
  const postings = stems.reduce((sum, s) => sum + (kb.df.get(s) ?? 0), 0)
  if (q.article !== undefined) {
    const range = kb.factRanges.get(q.article)
    if (!range) return []
    if (postings > POSTINGS_BUDGET) return distinct(kb, scanArticles(kb, [q.article], stems))
    return distinct(
      kb,
      searchIndex(kb.index, stems, FIELD_BOOST).filter((c) => c.id >= range.start && c.id < range.end),
    )
  }
  if (postings > POSTINGS_BUDGET && kb.articles.size > 1) return distinct(kb, scanArticles(kb, topArticles(kb, q), stems))
  // The best few times CANDIDATES are enough unless many repeat one sentence; then all of them.
  const best = distinct(kb, searchIndex(kb.index, stems, FIELD_BOOST, SEARCH_LIMIT))
  return best.length < CANDIDATES ? distinct(kb, searchIndex(kb.index, stems, FIELD_BOOST)) : best
}

/** How many of the best search hits are read for the CANDIDATES distinct ones. */
const SEARCH_LIMIT = 4 * CANDIDATES

/**
 * The first CANDIDATES of a ranked list, one per sentence text: an archive that holds the same
 * wire story twice must not fill the list with copies of one sentence.
 */
function distinct(kb: KnowledgeBase, ranked: Candidate[]): Candidate[] {
  const out: Candidate[] = []
  const seen = new Set<string>()
  for (const c of ranked) {
    const text = kb.facts[c.id].text
    if (seen.has(text)) continue
    seen.add(text)
    out.push(c)
    if (out.length >= CANDIDATES) break
  }
  return out
}

/**
 * The articles that use the question's words most, judged from each article's document
 * frequencies: a rare word shared with the question counts more than a common one.
 */
function topArticles(kb: KnowledgeBase, q: Question): string[] {
  const n = kb.searchableCount
  const count = kb.slugs.length
  // Typed arrays by article ordinal: a common stem has thousands of postings, read once each.
  const scores = new Float64Array(count)
  const best = new Float64Array(count)
  const local = new Uint32Array(count)
  const touched: number[] = []
  const bestTouched: number[] = []
  for (const c of q.concepts) {
    for (const s of c.stems) {
      const list = kb.index.text.get(s)
      if (!list) continue
      for (const p of list) {
        const a = kb.articleOf[p >>> 4]
        if (local[a]++ === 0) touched.push(a)
      }
      const idf = Math.log(1 + n / (kb.df.get(s) ?? 1))
      for (const a of touched) {
        const score = idf * Math.log(1 + local[a])
        if (best[a] === 0) bestTouched.push(a)
        best[a] = Math.max(best[a], score)
        local[a] = 0
      }
      touched.length = 0
    }
    for (const a of bestTouched) {
      scores[a] += best[a]
      best[a] = 0
    }
    bestTouched.length = 0
  }
  const scored: { slug: string; score: number }[] = []
  scores.forEach((score, a) => {
    if (score > 0) scored.push({ slug: kb.slugs[a], score })
  })
  scored.sort((x, y) => y.score - x.score || (x.slug < y.slug ? -1 : 1))
  return scored.slice(0, ARTICLES_FIRST).map((x) => x.slug)
}

/**
 * Scores the facts of a few articles the way the index would, roughly: a stem in the sentence
 * counts its idf, in the speaker's name more, in a neighbouring sentence less. Only facts that
 * use a stem, or stand next to one that does, are read (through the postings).
 */
function scanArticles(kb: KnowledgeBase, slugs: string[], stems: string[]): Candidate[] {
  const ranges = slugs.map((slug) => kb.factRanges.get(slug)).filter((r) => r !== undefined)
  const weights = [...new Map(stems.map((s) => [s, Math.log(1 + kb.searchableCount / (kb.df.get(s) ?? 1))]))]
  const found = new Set<number>()
  const matches = weights.map(([s]) => {
    const own = new Set<number>()
    const near = new Set<number>()
    for (const list of [kb.index.text.get(s), kb.index.repeated.get(s)])
      for (const id of idsIn(list, ranges)) {
        own.add(id)
        for (const n of neighboursOf(kb, id)) near.add(n)
      }
    const speaker = new Set(idsIn(kb.index.speaker.get(s), ranges))
    for (const set of [own, speaker, near]) for (const id of set) found.add(id)
    return { own, speaker, near }
  })
  const out: Candidate[] = []
  for (const id of found) {
    if (kb.duplicates.has(id)) continue
    let score = 0
    weights.forEach(([, w], i) => {
      const m = matches[i]
      if (m.own.has(id)) score += w
      else if (m.speaker.has(id)) score += w * FIELD_BOOST.speaker
      else if (m.near.has(id)) score += w * FIELD_BOOST.context
    })
    // Longer sentences match more by chance, as BM25's length normalisation also assumes.
    if (score > 0) out.push({ id, score: score / Math.sqrt(1 + kb.profile(id).own.size / 10) })
  }
  return out.sort((a, b) => b.score - a.score || a.id - b.id)
}

/** The fact ids of a postings list that fall in the ranges. */
function* idsIn(list: Uint32Array | undefined, ranges: { start: number; end: number }[]): Iterable<number> {
  if (!list) return
  for (const { start, end } of ranges) {
    for (let i = lowerBound(list, start * 16); i < list.length && list[i] < end * 16; i++) yield list[i] >>> 4
  }
}
