import type { Suggestion } from './follow-ups.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { STOP_WORDS, stem, words } from './normalize.js'
import { correctSpelling } from './spelling.js'

/**
 * How typed text meets the questions on offer: each word typed (a stop word only when nothing
 * else is typed) must begin some word of the question, so "flig", "how many" and "title 42" all
 * find their questions. A word the article never uses is corrected as `ask()` corrects it
 * ("Andew" -> "andrew").
 */

/** Autocomplete's numbers: it runs on every keystroke, so it works to a deadline. */
export const AUTOCOMPLETE = {
  /** A word shorter than this is not searched by prefix: "m" would expand to thousands of words. */
  minPrefix: 3,
  /** Articles read for questions, those with the most matching sentences first. */
  searchHits: 40,
  /** Stems a prefix may stand for ("gov" -> government, governor…): a short prefix stops here. */
  prefixStems: 200,
  /** Articles read for the first time in one call when nothing typed narrows the search. */
  newArticles: 10,
  /** Time spent checking that questions are answered, per call (Discord allows 3 s in all). */
  checkMs: 20,
  /** Completions of the last word typed tried as questions ("oil pri" -> "oil prices"). */
  completions: 3,
} as const

/** The words typed, each corrected to the article's vocabulary when it is not the start of any word in it. */
export function typedWords(kb: KnowledgeBase, typed: string): string[] {
  return words(typed).map((w) => {
    if (w.length < AUTOCOMPLETE.minPrefix || kb.vocabulary.has(w) || kb.vocabulary.atPrefix(w).size > 0) return w
    return correctSpelling(w, kb.vocabulary) ?? w
  })
}

/** Does this text match what was typed? Content words must each begin a word of it. */
export function textMatcher(wanted: readonly string[]): (text: string) => boolean {
  const content = wanted.filter((w) => !STOP_WORDS.has(w))
  const needed = content.length ? content : wanted
  return (text) => {
    const have = words(text)
    return needed.every((w) => have.some((h) => h.startsWith(w)))
  }
}

/** The same for a suggestion, whose words are folded already. */
export function matcher(wanted: readonly string[]): (s: Suggestion) => boolean {
  const content = wanted.filter((w) => !STOP_WORDS.has(w))
  const needed = content.length ? content : wanted
  return (s) => {
    const have = s.key.split(' ')
    return needed.every((w) => have.some((h) => h.startsWith(w)))
  }
}

/** Stems beginning with `prefix`, from the sorted list of every stem, at most `max`. */
function stemsStartingWith(kb: KnowledgeBase, prefix: string, max: number): string[] {
  const out: string[] = []
  for (let i = lowerBoundOf(kb.stems, prefix); i < kb.stems.length && out.length < max && kb.stems[i].startsWith(prefix); i++) out.push(kb.stems[i])
  return out
}

function lowerBoundOf(sorted: readonly string[], value: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The searchable facts whose sentence or speaker has every word (content words only; the last as
 * a prefix when `lastAsPrefix`), in article order. Plain postings intersected: autocomplete wants
 * where the words stand, not a ranking.
 */
export function factsWithAll(kb: KnowledgeBase, wanted: readonly string[], lastAsPrefix: boolean): number[] {
  const query = wanted.filter((w) => !STOP_WORDS.has(w))
  if (!query.length) return []
  let ids: Set<number> | undefined
  for (const [i, w] of query.entries()) {
    const base = stem(w)
    const prefix = lastAsPrefix && i === query.length - 1 && w.length >= AUTOCOMPLETE.minPrefix
    const stems = prefix ? stemsStartingWith(kb, base, AUTOCOMPLETE.prefixStems) : [base]
    const these = new Set<number>()
    for (const s of stems)
      for (const field of [kb.index.text, kb.index.speaker]) {
        const list = field.get(s)
        if (list) for (const posting of list) if (!ids || ids.has(posting >>> 4)) these.add(posting >>> 4)
      }
    ids = these
    if (!ids.size) return []
  }
  return [...(ids ?? [])].sort((a, b) => a - b)
}

/** The articles whose sentences hold what was typed (the last word as a prefix), those with most such sentences first. */
export function articlesMatching(kb: KnowledgeBase, wanted: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const id of factsWithAll(kb, wanted, true)) {
    const slug = kb.facts[id].article
    counts.set(slug, (counts.get(slug) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, AUTOCOMPLETE.searchHits)
    .map(([slug]) => slug)
}
