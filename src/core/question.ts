import SearchableMap from 'minisearch/SearchableMap'
import { unchat } from './chat-shorthand.js'
import { type Concept, isKnown, readConcepts } from './concepts.js'
import { englishCount, looksEnglish } from './english.js'
import { kindAsked } from './focus.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { isNegatedFolded } from './negation.js'
import { fold, STOP_WORDS, words } from './normalize.js'
import { OVERVIEW, type QuestionType, readType } from './question-type.js'
import { correctSpelling } from './spelling.js'
import { capitalisedWords, typedLowercase } from './typed-names.js'

// Concepts are built in concepts.ts; their type and weight stay importable from here.
export { type Concept, weightIn } from './concepts.js'
export type { QuestionType } from './question-type.js'

export type Question = {
  type: QuestionType
  /** "Who is X?" / "What is X?" where X is named: the role or definition of X is wanted. */
  defines: boolean
  concepts: Concept[]
  /** Folded words after spelling correction: what the question names. */
  words: string[]
  /** The question as asked (trimmed), for the checks that need its case and its little words. */
  raw: string
  /** Folded words read as names, however typed (typed-names.ts): capitalised, or unknown to both article and English. */
  names: ReadonlySet<string>
  /** Does it ask about what did not happen ("What did X not do?")? */
  negated: boolean
  /** The question folded (case, accents), punctuation kept. */
  folded: string
  /** The kind of thing asked for, as a stem ("countri" of "What countries …"): focus.ts kindAsked. */
  kind?: string
  /** The one article to answer from, when one was picked. */
  article?: string
  /** Words that stand in an idiom ("down" of "step down", "least" of "at least"): not meant literally. */
  idiomatic?: ReadonlySet<string>
}

/** Folded `what is X` where X is a name or a short noun phrase: the answer defines X. */
const DEFINES = /^(?:who|what)\s+(?:is|was|are|were)\s+(?!the\s+(?:reason|cause|name|number|date|main|purpose))(.{2,60})$/

/** A typo is a word neither the knowledge nor everyday English knows ("foriegn", "titel"). */
function spellingOf(kb: KnowledgeBase, w: string): string[] {
  if (STOP_WORDS.has(w) || isKnown(kb, w) || englishCount(w) >= 20) return [w]
  const fixed = correctSpelling(w, kb.vocabulary) ?? correctSpelling(w, STOP_WORD_MAP)
  // A real word too rare to be listed ("defunded") is not a typo of an article's word ("defined");
  // the morphology is only looked at when a correction is on offer.
  if (fixed) return looksEnglish(w) ? [w] : [fixed]
  return splitCompound(kb, w) ?? [w]
}

/** "betwen" is a misspelt stop word: it must not count as a word the knowledge lacks. */
const STOP_WORD_MAP = new SearchableMap<number>()
for (const w of STOP_WORDS) STOP_WORD_MAP.set(w, 1)

/** "userdatagram" -> "user datagram": an unknown word made of two known ones. */
function splitCompound(kb: KnowledgeBase, w: string): string[] | undefined {
  for (let i = 3; i <= w.length - 3; i++) {
    const a = w.slice(0, i)
    const b = w.slice(i)
    if (kb.vocabulary.has(a) && kb.vocabulary.has(b)) return [a, b]
  }
  return undefined
}

/** "apple talk" -> "appletalk" when the knowledge writes it as one word. */
function joinCompounds(kb: KnowledgeBase, ws: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < ws.length; i++) {
    const joined = ws[i] + (ws[i + 1] ?? '')
    if (i + 1 < ws.length && !STOP_WORDS.has(ws[i]) && kb.vocabulary.has(joined)) {
      out.push(joined)
      i++
    } else out.push(ws[i])
  }
  return out
}

/** A folded question with its punctuation gone: what the question type and the words are read from. */
export function cleanQuestion(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N}%'\s-]+/gu, ' ')
      // "X's full name", "what does X stand for": the answer is what X stands for, not a word "full".
      .replace(/\bfull name\b|\bstands? for\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

export function parseQuestion(kb: KnowledgeBase, raw: string): Question {
  const { capitals, named } = capitalisedWords(raw)
  const names = new Set([...capitals, ...named])
  const lowercase = typedLowercase(raw)
  // Chat shorthand written out and padding off ("so whats the govt doing basically"): chat-shorthand.ts.
  const punctuated = unchat(fold(raw).replace(/\s+/g, ' ').trim(), names)
  const folded = cleanQuestion(punctuated)
  const negated = isNegatedFolded(punctuated)
  if (OVERVIEW.test(folded)) return { type: 'overview', defines: false, concepts: [], words: words(folded), raw, names, negated, folded: punctuated }

  // The type is read with the commas still in: "According to X, what…" is framed by its clause.
  const reading = readType(punctuated, cleanQuestion, folded)
  const { type } = reading
  const rest = reading.rest
  const kind = kindAsked(type, reading.asked, named)
  const defines = (type === 'who' || type === 'what') && DEFINES.test(folded)

  const ws = joinCompounds(
    kb,
    words(rest).flatMap((w) => spellingOf(kb, w)),
  )
  const { concepts, idiomatic } = readConcepts(kb, ws, { capitals, named, lowercase }, names)
  return { type, defines, concepts, words: ws, raw, names, negated, folded: punctuated, idiomatic, kind }
}
