import type SearchableMap from 'minisearch/SearchableMap'
import { lemmaWithOpposites } from './antonyms.js'
import { englishCount } from './english.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { isNegatedFolded } from './negation.js'
import { fold, stem, words } from './normalize.js'
import { numbersIn } from './numbers.js'
import { perArticleOf } from './per-article.js'
import type { Concept, Question } from './question.js'

/**
 * What the traps (traps.ts) read of sentences and articles, worked out once and kept: a sentence's
 * words, numbers and opposites, an article's proper names and title, and whether a name is
 * mentioned. Caches are per knowledge base and bounded.
 */

export function has(c: Concept, set: Set<string>): boolean {
  for (const s of c.stems) if (set.has(s)) return true
  return false
}

/**
 * Words an article writes as proper names: capitalised wherever they stand inside a sentence, never
 * in lower case ("Colombia", "Bárcena"; not "War", which is also "war"). Worked out once per article.
 */
export const properWords = perArticleOf((kb: KnowledgeBase, slug: string): Set<string> => {
  const capital = new Set<string>()
  const lower = new Set<string>()
  const initial = new Set<string>()
  const range = kb.factRanges.get(slug)
  if (range) {
    for (let id = range.start; id < range.end; id++) {
      // The first word of a sentence, or after a colon or quotation mark, is capitalised anyway.
      const first = kb.facts[id].text.match(/^["“(]?(\p{Lu}[\p{L}]+)/u)
      if (first) initial.add(fold(first[1]))
      for (const m of kb.facts[id].text.matchAll(/(?<=[\p{L}\p{N},;)]\s+)[\p{L}]+/gu)) {
        const w = fold(m[0])
        if (/^\p{Lu}/u.test(m[0])) capital.add(w)
        else lower.add(w)
      }
    }
  }
  // Kept as stems, so "Haiti" asked meets "Haitians" written.
  // A word only ever seen opening a sentence is a name when it is no everyday word ("Gullholm has…").
  const opening = [...initial].filter((w) => !capital.has(w) && !lower.has(w) && englishCount(w) === 0)
  return new Set(
    [...capital]
      .filter((w) => !lower.has(w))
      .concat(opening)
      .map(stem),
  )
})

/**
 * Does the article name `c` in a sentence that shares another (non-name) idea of the question?
 * Then the article itself brings the name and the topic together ("migration from Central
 * America"), and a sentence on the topic that does not repeat the name may still answer
 * ("flights … to Guatemala, Honduras, and El Salvador"). A name the article only uses elsewhere,
 * on other topics, is what a trap question swaps in.
 */
export function pairedElsewhere(kb: KnowledgeBase, q: Question, c: Concept, slug: string, proper: Set<string>): boolean {
  const range = kb.factRanges.get(slug)
  if (!range) return false
  const others = q.concepts.filter((o) => o !== c && o.known && !has(o, proper))
  for (let id = range.start; id < range.end; id++) {
    const own = kb.profile(id).own
    if (has(c, own) && others.some((o) => has(o, own))) return true
  }
  return false
}

/** What the checks read of a sentence, worked out once per sentence asked about (bounded). */
type Reading = { words: string[]; joined: string; negated: boolean; numbers?: Set<string>; opposites?: Map<string, string>; capitalised?: string[] }
const readings = new WeakMap<KnowledgeBase, Map<string, Reading>>()
export function reading(kb: KnowledgeBase, text: string): Reading {
  let map = readings.get(kb)
  if (!map) {
    map = new Map()
    readings.set(kb, map)
  }
  let r = map.get(text)
  if (!r) {
    if (map.size >= 20_000) map.clear()
    const folded = fold(text)
    r = { words: words(text), joined: folded.replace(/[\s'’-]+/g, ''), negated: isNegatedFolded(folded) }
    map.set(text, r)
  }
  return r
}

/** The sentence's words that have opposites, by lemma. */
export function oppositesReading(kb: KnowledgeBase, text: string): Map<string, string> {
  const r = reading(kb, text)
  if (!r.opposites) {
    r.opposites = new Map()
    for (const w of r.words) {
      const lemma = lemmaWithOpposites(w)
      if (lemma) r.opposites.set(lemma, w)
    }
  }
  return r.opposites
}

export function numbersOf(kb: KnowledgeBase, text: string): Set<string> {
  const r = reading(kb, text)
  r.numbers ??= numbersIn(text)
  return r.numbers
}

export const titleStemsOf = perArticleOf((kb, slug): Set<string> => new Set(words(kb.articles.get(slug)?.title ?? '').map(stem)))

/** A name is mentioned when a word starts as it does: "Aristotle" in "Aristotelian", "Israel" in "Israelis". */
export function mentions(kb: KnowledgeBase, c: Concept, text: string, stems: Set<string>): boolean {
  if (has(c, stems)) return true
  const r = reading(kb, text)
  // "leboeuf" asked, "Le Boeuf" written; "ilkhanate" and "Il-khanate".
  if (c.word.length >= 5 && r.joined.includes(c.word.replace(/-/g, ''))) return true
  if (c.word.includes('-')) return false
  const prefix = c.word.slice(0, Math.max(5, c.word.length - 2))
  if (prefix.length > c.word.length) return false
  for (const w of r.words) if (w.startsWith(prefix) || (w.length >= 5 && c.word.startsWith(w))) return true
  // A people and its country often share their first letters: "Britain" / "British", "China" / "Chinese".
  if (c.word.length >= 4) {
    r.capitalised ??= [...text.matchAll(/\p{Lu}\p{L}{3,}/gu)].map((m) => fold(m[0]))
    const head = c.word.slice(0, 4)
    for (const w of r.capitalised) if (w.startsWith(head)) return true
  }
  return false
}

/**
 * Is an unknown word likely a typo of a word the article uses ("Rhou" for "Rou", "Lor" for "Lord",
 * "seperating") rather than something it does not mention? Looked at only when a trap would fire.
 */
export function misspelt(kb: KnowledgeBase, word: string): boolean {
  if (word.includes('-') || word.length < 3) return word.length < 3
  if (nearVocabularyWord(kb.vocabulary, word, word.length < 9 ? 1 : 2)) return true
  // A shortened word: "Sept" for "September", "Lor" for "Lord".
  if (word.length <= 4) for (const [w] of kb.vocabulary.atPrefix(word)) if (w.length > word.length && w.length <= word.length + 6) return true
  return false
}

/**
 * Is a word of the vocabulary within `edits` typos of the word, of 3 letters or more and with the
 * same first letter (a first letter is seldom the one mistyped)? The fuzzy part of misspelt, and
 * typed-names' test of a lower-case name ("hrabro" two typos from "harbor").
 */
export function nearVocabularyWord(vocabulary: SearchableMap<number>, word: string, edits: number): boolean {
  for (const [w] of vocabulary.fuzzyGet(word, edits)) if (w.length >= 3 && w[0] === word[0]) return true
  return false
}
