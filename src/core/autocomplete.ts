import type { Suggestion } from './follow-ups.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { STOP_WORDS, words } from './normalize.js'
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
  /** Matching facts whose articles are read for questions, best first. */
  searchHits: 40,
  /** Articles read for the first time in one call when nothing typed narrows the search. */
  newArticles: 25,
  /** Time spent checking that questions are answered, per call (Discord allows 3 s in all). */
  checkMs: 25,
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

/** The articles whose sentences hold what was typed, the best match first (the last word as a prefix). */
export function articlesMatching(kb: KnowledgeBase, wanted: readonly string[]): string[] {
  const query = wanted.filter((w) => !STOP_WORDS.has(w))
  if (!query.length) return []
  const last = query.length - 1
  const hits = kb.index.search(query.join(' '), {
    fields: ['text', 'speaker'],
    combineWith: 'AND',
    prefix: (term, i) => i === last && term.length >= AUTOCOMPLETE.minPrefix,
  })
  const out: string[] = []
  for (const hit of hits.slice(0, AUTOCOMPLETE.searchHits)) {
    const slug = kb.facts[hit.id as number].article
    if (!out.includes(slug)) out.push(slug)
  }
  return out
}
