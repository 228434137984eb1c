import { fold, STOP_WORDS, stem } from './normalize.js'
import { ONE_TO_TWELVE, SCALES } from './numbers.js'
import type { QuestionType } from './question-type.js'

/**
 * Words after "what" / "which" / "how many" that ask rather than name the kind of thing wanted:
 * "What is …", "What happened …", "What part of China …" (a part is not China).
 */
const NOT_A_KIND = new Set(
  'is was are were did do does has have had can could will would should may might kind type sort part more less other happen happened happens made make makes led took became came went'.split(
    ' ',
  ),
)

const WHAT_KIND = /^(?:in |on |at |to |from |by |for |of |with |into )?(?:what|which)\s+(?:(?:kind|type|sort)s?\s+of\s+)?([a-z'-]+)(?:\s+([a-z'-]+))?/
const HOW_MANY = /^how many\s+([a-z'-]+)(?:\s+([a-z'-]+))?/

/**
 * The kind of thing a question asks for, as a stem: of "king" in "Which king …", "river" in "What
 * kind of river …", "countries" in "What countries …" (a `where` question) and in "How many
 * countries …", "company" in "Which company …" (a `who`), "general" in "What British general …". `asked` is the question proper, cleaned, with any framing clause
 * ("According to X, …") already gone (see readType); `named` holds the words the asker
 * capitalised. Undefined when the question names no kind, and for `when` / `why` / a measure
 * ("what year", "what percentage"): those kinds are a date, a cause, an amount, which typeFit
 * already looks for.
 */
export function kindAsked(type: QuestionType, asked: string, named: ReadonlySet<string>): string | undefined {
  if (type !== 'what' && type !== 'where' && type !== 'who' && type !== 'number') return undefined
  const m = type === 'number' ? asked.match(HOW_MANY) : asked.match(WHAT_KIND)
  if (!m) return undefined
  // A capitalised word first qualifies the kind: "What British general", "Which Norman law".
  const word = named.has(m[1]) && m[2] ? m[2] : m[1]
  // A verb ("What caused…", "What wasn't…") or a number ("What two fields…") names no kind.
  if (NOT_A_KIND.has(word) || STOP_WORDS.has(word) || /'|\d|..ed$/.test(word) || COUNT.test(word)) return undefined
  return stem(word)
}

/** A word of the sentence: as written, lower-cased, where it starts, and the punctuation after it. */
type Token = { word: string; lower: string; at: number; after: string }

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 45
  return c === 0x2019 || /[\p{L}\p{N}]/u.test(text[i])
}

/**
 * The words of `text` from `from` to `to`, scanned by character codes. This runs on many
 * candidates of a question: measured over the SQuAD questions, reading whole sentences with a
 * Unicode regular expression and stemming every word made rankFacts ~1.4x slower; reading only
 * around the kind's word, this way, ~1.02-1.1x (a busy machine: the spread is noise).
 */
function tokensOf(text: string, from: number, to: number): Token[] {
  const out: Token[] = []
  let i = from
  while (i < to) {
    while (i < to && !isWordChar(text.charCodeAt(i), text, i)) i++
    const start = i
    while (i < to && isWordChar(text.charCodeAt(i), text, i)) i++
    if (i === start) break
    const word = text.slice(start, i)
    const gap = i
    while (i < to && !isWordChar(text.charCodeAt(i), text, i)) i++
    const after = i - gap === 1 && text.charCodeAt(gap) === 32 ? '' : text.slice(gap, i).trim()
    out.push({ word, lower: word.toLowerCase(), at: start, after })
  }
  return out
}

/** How much of the sentence around the kind's word is read, in characters: two words before, a list's start after. */
const BEFORE = 40
const AFTER = 120

/** What introduces examples of the kind: "countries such as …", "cities including …", "firms like …". */
const LIST_MARKERS = ['such as', 'including', 'like', 'namely', 'notably', 'especially', 'particularly'].map((m) => m.split(' '))
/** A count of the kind before it: "three countries, …" / "two cities: …". */
const COUNT = new RegExp(String.raw`^(?:\d+|${ONE_TO_TWELVE.slice(1).join('|')}|several|both)$`)
/** A figure right before the kind's word: "300 men", "three countries", "thousands of troops". */
const FIGURE = new RegExp(String.raw`^(?:\d[\d.,]*|${ONE_TO_TWELVE.slice(1).join('|')}|dozen|dozens|${SCALES.join('|')})$`)
/** How many words after the kind's word a list may start: "countries in the region such as …". */
const LIST_REACH = 4

export type KindMention = 'named' | 'listed' | 'counted'

/**
 * Does the sentence name instances of the kind asked for? `named`: a name the question does not
 * use right before or after the kind's word (or after "of" it): "the Kelso Bridge", "his
 * successor Louis Vane", "the county of Kent" for "What bridge / Which successor / What county …".
 * `listed`: examples of it follow within a few words: "countries such as Venezuela, Nicaragua and
 * Cuba", "cities including Leeds", "three companies: Acme, Brill and Corvo", "two cities, Leeds
 * and York". Either way the sentence most often holds the answer itself. When `counting` (a "how
 * many" question) only `counted` is looked for: a figure right before the kind's word, "40
 * lorries", "thousands of troops", a figure the question did not give.
 */
export function namesTheKind(text: string, focus: string, asked: readonly string[], counting = false): KindMention | undefined {
  // Porter may change a stem's last letter ("countri" of "country"), not the ones before: only
  // the words that start like the stem are read, and only the stretch of sentence around them.
  const prefix = focus.length > 3 ? focus.slice(0, -1) : focus
  const capital = prefix[0].toUpperCase() + prefix.slice(1)
  const next = (from: number) => {
    const a = text.indexOf(prefix, from)
    const b = text.indexOf(capital, from)
    return a < 0 ? b : b < 0 ? a : Math.min(a, b)
  }
  let named = false
  for (let at = next(0); at >= 0; at = next(at + prefix.length)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1), text, at - 1)) continue
    const from = at <= BEFORE ? 0 : text.lastIndexOf(' ', at - BEFORE) + 1
    const end = text.indexOf(' ', at + AFTER)
    const tokens = tokensOf(text, from, end < 0 ? text.length : end)
    const i = tokens.findIndex((t) => t.at === at)
    if (i < 0 || stem(fold(tokens[i].word)) !== focus) continue
    // Only a capitalised word counts as a name ("the bridge it crossed" is no name), and not one
    // the question used; the sentence's first word is capitalised anyway.
    const isNewName = (j: number) => j >= 0 && j < tokens.length && tokens[j].at > 0 && /^\p{Lu}/u.test(tokens[j].word) && !asked.includes(fold(tokens[j].word))
    if (counting) {
      const before = tokens[i - 1]?.lower === 'of' ? i - 2 : i - 1
      if (before >= 0 && FIGURE.test(tokens[before].lower) && !tokens[before].after && !asked.includes(tokens[before].lower)) return 'counted'
      continue
    }
    if (listAfter(tokens, i, isNewName)) return 'listed'
    named ||= (isNewName(i - 1) && !tokens[i - 1].after) || isNewName(i + 1) || (tokens[i + 1]?.lower === 'of' && !tokens[i].after && isNewName(i + 2))
  }
  return named ? 'named' : undefined
}

/** Does a list of new names start within reach after the kind's word at `i`? */
function listAfter(tokens: Token[], i: number, isNewName: (j: number) => boolean): boolean {
  const counted = i > 0 && COUNT.test(tokens[i - 1].lower)
  // "countries: Venezuela, …" and "three countries, Venezuela, …" list right after the word.
  if ((tokens[i].after === ':' || (counted && /^[,:(—–-]/.test(tokens[i].after))) && isNewName(i + 1)) return true
  if (/[.;!?]/.test(tokens[i].after)) return false
  for (let j = i + 1; j <= i + LIST_REACH && j < tokens.length; j++) {
    for (const ws of LIST_MARKERS) {
      if (!ws.every((w, k) => tokens[j + k]?.lower === w && (k === ws.length - 1 || !tokens[j + k].after))) continue
      let start = j + ws.length
      if (tokens[start]?.lower === 'the') start++
      if (isNewName(start)) return true
    }
    // A list ends the clause it may belong to: "…countries. Like Mexico, …" is another matter.
    if (/[.;!?]/.test(tokens[j].after)) return false
  }
  return false
}
