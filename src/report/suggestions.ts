import { englishCount, looksEnglish } from '../core/english.js'
import { countInArticle, type KnowledgeBase } from '../core/knowledge-base.js'
import { fold, STOP_WORDS, stem, words } from '../core/normalize.js'
import { correctSpelling, osaDistance } from '../core/spelling.js'
import type { Suggestion } from './report-data.js'

/**
 * Suggestions an editor can act on, from the questions the bot could not answer: a question word
 * the articles do not have but that is a letter or two off one they do ("Guatamala", "Obradors")
 * gives the aliases.txt line that makes the bot read it as the article's word; a word several
 * questions used and no article has, nor anything close, is a topic the articles do not cover.
 */

export type SuggestionOptions = {
  /** The aliases file of an article, by slug (where the line goes). */
  aliasFileOf: (slug: string) => string
  /** At most this many suggestions of each kind (default 10). */
  limit?: number
}

/** A word shorter than this is too easily one letter off another ("wall" / "will") to suggest. */
const MIN_LENGTH = 4
/** A word no article has must come up in this many unanswered questions to be worth a line. */
const MISSING_AT_LEAST = 2

/**
 * SUBTLEX bands (english.ts): a word people use this often is not a typo ("take" is not a
 * misspelt "tale"), and one of the most everyday words ("take", "open") says nothing of a topic.
 */
const TYPO_BELOW = 100
const EVERYDAY = 10_000

/** One typo in a word of 4 to 7 letters, two in a longer one: a little more than the core corrects by itself, which is the point. */
const editsFor = (length: number): number => (length >= 8 ? 2 : 1)

export function suggestAliases(kb: KnowledgeBase, questions: readonly string[], options: SuggestionOptions): Suggestion[] {
  const limit = options.limit ?? 10
  // Each unknown word, with the questions that used it (counted once per question).
  const unknown = new Map<string, { n: number; example: string }>()
  for (const question of questions) {
    for (const w of new Set(words(question))) {
      if (w.length < MIN_LENGTH || STOP_WORDS.has(w) || /\d/.test(w) || isKnown(kb, w)) continue
      const u = unknown.get(w) ?? { n: 0, example: question }
      u.n++
      unknown.set(w, u)
    }
  }
  const aliases: Suggestion[] = []
  const missing: Suggestion[] = []
  for (const [word, { n, example }] of [...unknown].sort(([a, x], [b, y]) => y.n - x.n || a.localeCompare(b))) {
    // The core already reads this typo as the article's word: an alias would change nothing.
    if (coreCorrects(kb, word)) continue
    const near = englishCount(word) < TYPO_BELOW ? nearestWord(kb, word) : undefined
    if (near) {
      if (aliases.length >= limit) continue
      const slug = articleOf(kb, near)
      if (!slug) continue
      const articleWord = surfaceForm(kb, slug, near)
      aliases.push({
        kind: 'alias',
        word,
        articleWord,
        article: slug,
        file: options.aliasFileOf(slug),
        line: `${word} = ${articleWord}`,
        questions: n,
        example,
      })
    } else if (n >= MISSING_AT_LEAST && englishCount(word) < EVERYDAY && missing.length < limit) missing.push({ kind: 'missing', word, questions: n, example })
  }
  return [...aliases, ...missing]
}

function isKnown(kb: KnowledgeBase, w: string): boolean {
  return kb.vocabulary.has(w) || kb.df.has(stem(w)) || kb.aliases.has(w)
}

/** What question.ts does with an unknown word: a rare, un-English word with a correction on offer is corrected. */
function coreCorrects(kb: KnowledgeBase, w: string): boolean {
  return englishCount(w) < 20 && correctSpelling(w, kb.vocabulary) !== undefined && !looksEnglish(w)
}

/** The closest article word within the allowed edits (ties: the more frequent, then the alphabetical first). */
function nearestWord(kb: KnowledgeBase, word: string): string | undefined {
  const edits = editsFor(word.length)
  const candidates = new Map<string, number>()
  for (const [w, [n]] of kb.vocabulary.fuzzyGet(word, edits)) candidates.set(w, n)
  // An adjacent swap is one typo but two Levenshtein edits ("Guatmeala").
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    for (const [w, [n]] of kb.vocabulary.fuzzyGet(swapped, edits - 1)) candidates.set(w, n)
  }
  let best: { w: string; d: number; n: number } | undefined
  for (const [w, n] of candidates) {
    if (w === word || w.length < MIN_LENGTH || STOP_WORDS.has(w) || /\d/.test(w)) continue
    const d = osaDistance(word, w)
    if (d > edits) continue
    if (!best || d < best.d || (d === best.d && (n > best.n || (n === best.n && w < best.w)))) best = { w, d, n }
  }
  return best?.w
}

/** The article that uses the word most (its aliases file is where the line belongs). */
function articleOf(kb: KnowledgeBase, word: string): string | undefined {
  const s = stem(word)
  let best: { slug: string; n: number } | undefined
  for (const slug of kb.slugs) {
    const n = countInArticle(kb, s, slug)
    if (n > 0 && (!best || n > best.n)) best = { slug, n }
  }
  return best?.slug
}

/**
 * The word as the article writes it ("López", not "lopez"): the vocabulary holds folded words. A
 * use inside a sentence is preferred, since a sentence's first word is capitalised whatever it is.
 */
function surfaceForm(kb: KnowledgeBase, slug: string, folded: string): string {
  const range = kb.factRanges.get(slug)
  let first: string | undefined
  for (let id = range?.start ?? 0; id < (range?.end ?? 0); id++) {
    for (const m of kb.facts[id].text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      if (fold(m[0]) !== folded) continue
      if (m.index > 0) return m[0]
      first ??= m[0]
    }
  }
  return first ?? folded
}
