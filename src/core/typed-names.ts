import type SearchableMap from 'minisearch/SearchableMap'
import { englishCount, isCommonWord, looksEnglish } from './english.js'
import { capitalisedAfterFirst, fold, STOP_WORDS, stem } from './normalize.js'
import { nearVocabularyWord } from './sentence-readings.js'

const NAME_WORD = capitalisedAfterFirst()
/** The same, without the flag `g` (whose lastIndex a .test() keeps). */
const NAME_SEEN = capitalisedAfterFirst(undefined, 'u')

/**
 * Which words of a question are names. A capital letter says so when the asker uses them ("What
 * did Blinken say?"), but chat is typed in lower case ("what did blinken say"), so two more signs
 * count:
 * - the article itself writes the word as a name (sentence-readings.ts properWords), however it is
 *   typed: checked where the article is known (traps.ts, people.ts), through `isNameIn`;
 * - in a question typed without capitals, a word neither the article nor English (english.ts)
 *   knows ("kamala", "mandelson"), unless it reads as a typo: of an everyday word ("seperating",
 *   "whatare"), of an article's word ("hrabro"), or an English word too rare for the list
 *   ("authorship", by its ending). A word beside such a name that English knows only as a name
 *   joins it ("harris" of "kamala harris").
 * Measured on all shared sets (`npm run eval`): the capitalised rule alone for capitalised
 * questions; applying the lower-case rule to them too cost 24 right SQuAD answers ("iteration",
 * "besides" read as names), so it is kept to questions typed in lower case.
 */

/** Folded words the asker wrote as names: capitalised after the first word, or in capitals ("UN"). */
export function capitalisedWords(raw: string): { capitals: Set<string>; named: Set<string> } {
  // Acronyms written in capitals ("US", "UN") are acronyms whatever English says (see acronyms.ts readsAsAcronym).
  const capitals = new Set((raw.match(/\b\p{Lu}{2,}\b/gu) ?? []).map(fold))
  // Capitalised words after the first: names, as the asker wrote them.
  const named = new Set((raw.match(NAME_WORD) ?? []).map(fold))
  return { capitals, named }
}

/**
 * Is the question typed without capitals (after its first word)? Then case says nothing about
 * names. One who capitalises "Turing" and writes "iteration" in lower case has said it is no name.
 */
export function typedLowercase(raw: string): boolean {
  return !NAME_SEEN.test(raw)
}

/**
 * In a question typed in lower case, a word the knowledge never uses is a name when English does
 * not know it either ("kamala", "mandelson"). SUBTLEX's list of capitalised words is no help on its
 * own: a subtitle capitalises any word opening a line ("Besides", "Remnant"). Short words are left
 * out ("ok", "tv"): too often chat or abbreviations.
 */
export function lowercaseName(vocabulary: SearchableMap<number>, word: string): boolean {
  // Two typos from a word of the knowledge ("hrabro" for "Harbor"): more likely that word
  // mistyped than a name it never mentions. Asked last: a fuzzy look-up costs the most.
  return unknownLowercaseName(word) && !nearVocabularyWord(vocabulary, word, 2)
}

function unknownLowercaseName(word: string): boolean {
  if (word.length < 4 || STOP_WORDS.has(word) || /\d/.test(word) || looksEnglish(word)) return false
  return !ENGLISH_ENDING.test(word) && !typoOfEnglish(word)
}

/**
 * Endings of English words too rare for the list ("authorship", "iteration", "aggregate",
 * "ushering"): names seldom end so.
 */
const ENGLISH_ENDING =
  /(?:tion|sion|ship|ment|ness|ity|ism|ist|ing|ous|ive|able|ible|ical|ally|i[sz]e|i[sz]ed|ated?|ates|ence|ance|ency|ancy|ful|less|ology|ular)$/

/**
 * Is the word one typo away from an everyday English word ("seperating", "rgarding", "awritten"),
 * or two of them run together ("whatare")? Only asked of a word neither article nor English knows.
 */
function typoOfEnglish(word: string): boolean {
  const everyday = (w: string) => englishCount(w) >= TYPO_TARGET
  for (let i = 2; i <= word.length - 2; i++) if (everyday(word.slice(0, i)) && everyday(word.slice(i))) return true
  for (let i = 0; i < word.length; i++) {
    if (everyday(word.slice(0, i) + word.slice(i + 1))) return true
    if (i + 1 < word.length && everyday(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return true
    for (const ch of LETTERS) {
      if (everyday(word.slice(0, i) + ch + word.slice(i + 1)) || everyday(word.slice(0, i) + ch + word.slice(i))) return true
    }
  }
  return false
}

/** How common the word a typo is taken for must be: common enough that a name is unlikely to sit one letter away by chance. */
const TYPO_TARGET = 100
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * A word next to such a name, also unknown to the knowledge, is part of it when English knows it
 * only as a name ("harris" of "kamala harris"; not "trains").
 */
function nameNeighbour(word: string): boolean {
  return word.length >= 3 && !STOP_WORDS.has(word) && !/\d/.test(word) && !isCommonWord(word)
}

/** The words of `ws` that become names beside one (added to `names`); `known`: does the knowledge use it? */
export function nameNeighbours(ws: readonly string[], names: Set<string>, known: (w: string) => boolean): string[] {
  const out: string[] = []
  ws.forEach((w, i) => {
    if (names.has(w) || known(w) || !nameNeighbour(w) || !(names.has(ws[i - 1]) || names.has(ws[i + 1]))) return
    names.add(w)
    out.push(w)
  })
  return out
}

/**
 * Is the folded question word a name: read as one when the question was parsed (`names`), or one
 * the article writes as a name (`proper`: stems, see properWords)?
 */
export function isNameIn(names: ReadonlySet<string>, proper: ReadonlySet<string>, word: string): boolean {
  return names.has(word) || (word.length > 2 && !STOP_WORDS.has(word) && proper.has(stem(word)))
}
