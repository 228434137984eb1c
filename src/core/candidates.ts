import { type KnowledgeBase, neighboursOf } from './knowledge-base.js'
import type { Question } from './question.js'
import { searchIndex } from './search-index.js'
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
  const found = postings <= POSTINGS_BUDGET || kb.articles.size === 1 ? searchIndex(kb.index, stems, FIELD_BOOST) : scanArticles(kb, topArticles(kb, q), stems)
  return distinct(kb, found)
}

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
  const scores = new Map<string, number>()
  for (const c of q.concepts) {
    // The best of the concept's stems in each article that uses any: its postings, counted per article.
    const best = new Map<string, number>()
    for (const s of c.stems) {
      const list = kb.index.text.get(s)
      if (!list) continue
      const local = new Map<string, number>()
      for (const p of list) {
        const slug = kb.facts[p >>> 4].article
        local.set(slug, (local.get(slug) ?? 0) + 1)
      }
      const idf = Math.log(1 + n / (kb.df.get(s) ?? 1))
      for (const [slug, count] of local) best.set(slug, Math.max(best.get(slug) ?? 0, idf * Math.log(1 + count)))
    }
    for (const [slug, score] of best) scores.set(slug, (scores.get(slug) ?? 0) + score)
  }
  const scored = [...scores].map(([slug, score]) => ({ slug, score })).filter((a) => a.score > 0)
  scored.sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
  return scored.slice(0, ARTICLES_FIRST).map((a) => a.slug)
}

/** Reads the facts of a few articles and scores their matches the way the index would, roughly. */
function scanArticles(kb: KnowledgeBase, slugs: string[], stems: string[]): Candidate[] {
  const out: Candidate[] = []
  const idf = new Map(stems.map((s) => [s, Math.log(1 + kb.searchableCount / (kb.df.get(s) ?? 1))]))
  for (const slug of slugs) {
    const range = kb.factRanges.get(slug)
    if (!range) continue
    for (let id = range.start; id < range.end; id++) {
      if (kb.duplicates.has(id)) continue
      const p = kb.profile(id)
      let score = 0
      for (const [s, w] of idf) {
        if (p.own.has(s)) score += w
        else if (p.speaker.has(s)) score += w * FIELD_BOOST.speaker
        else if (neighboursOf(kb, id).some((n) => kb.profile(n).own.has(s))) score += w * FIELD_BOOST.context
      }
      // Longer sentences match more by chance, as BM25's length normalisation also assumes.
      if (score > 0) out.push({ id, score: score / Math.sqrt(1 + p.own.size / 10) })
    }
  }
  return out.sort((a, b) => b.score - a.score || a.id - b.id)
}
