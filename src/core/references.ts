import { fold, STOP_WORDS } from './normalize.js'

/**
 * The words of a question that point back at an earlier turn of the conversation: "he", "her",
 * "it", "that", "they", "there", "then". Pure text work: which word, and what kind of thing it
 * stands for. conversation.ts decides what each one stands for in a given conversation.
 */

/** What a reference stands for, and how it is written back (a possessive takes "'s"). */
export type Slot = 'person' | 'personPossessive' | 'thing' | 'thingPossessive' | 'event' | 'plural' | 'place' | 'time' | 'drop'

/** A question cut into words and what lies between them, so it can be rewritten word by word. */
export type Token = { text: string; word?: string }

export function tokenize(raw: string): Token[] {
  const out: Token[] = []
  for (const m of raw.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\p{L}\p{N}]+/gu)) {
    const text = m[0]
    out.push(/^[\p{L}\p{N}]/u.test(text) ? { text, word: fold(text).replace(/'s$/, '') } : { text })
  }
  return out
}

/** Verbs that follow a pronoun "that" / "this" ("what does that mean?", "why did that happen?"). */
const AFTER_DEMONSTRATIVE = new Set('mean means meant happen happened happens matter matters work works change changed lead led cause caused'.split(' '))
/** "Is there …", "there were …": the existential "there" points at no place. */
const EXISTENTIAL = new Set(['is', 'are', 'was', 'were', 'be', 'been', "there's", 'isn', 'aren'])

/** Words after an "it" that stands for nothing: "is it true", "it seems". */
const EXPLETIVE = new Set('true possible likely known clear said reported important necessary seems seemed appears appeared'.split(' '))

export type Reference = { index: number; slot: Slot }

/** The referring words of a tokenized question, in order. */
export function referencesIn(tokens: readonly Token[]): Reference[] {
  const words = tokens.map((t, i) => ({ w: t.word, i })).filter((x): x is { w: string; i: number } => !!x.w)
  const out: Reference[] = []
  words.forEach(({ w, i }, k) => {
    const next = words[k + 1]?.w
    const prev = words[k - 1]?.w
    const slot = slotOf(w, prev, next)
    if (slot) out.push({ index: i, slot })
  })
  return out
}

function slotOf(w: string, prev: string | undefined, next: string | undefined): Slot | undefined {
  switch (w) {
    case 'he':
    case 'she':
    case 'him':
      return 'person'
    case 'his':
    case 'hers':
      return 'personPossessive'
    case 'her':
      // "her plan" is hers; "what did they ask her?" is her.
      return next && !STOP_WORDS.has(next) ? 'personPossessive' : 'person'
    case 'himself':
    case 'herself':
      return 'drop'
    case 'it':
      // "Is it true that …", "it seems": an "it" that points at nothing.
      return next && EXPLETIVE.has(next) ? undefined : 'thing'
    case 'its':
      return 'thingPossessive'
    case 'that':
    case 'this':
      // A pronoun when nothing names what it points at: "after that?", "what does that mean?".
      return !next || AFTER_DEMONSTRATIVE.has(next) || (STOP_WORDS.has(next) && next !== 'the' && next !== 'a' && next !== 'an') ? 'event' : undefined
    case 'they':
    case 'them':
    case 'their':
    case 'theirs':
    case 'themselves':
      return 'plural'
    case 'there':
      return (prev && EXISTENTIAL.has(prev)) || (next && EXISTENTIAL.has(next)) ? undefined : 'place'
    case 'then':
      return 'time'
    default:
      return undefined
  }
}

/** Does the reference stand for a person ("he", "her")? Those alone can be answered with "who do you mean?". */
export const isPersonal = (slot: Slot): boolean => slot === 'person' || slot === 'personPossessive'

/** Words that open a follow-up that goes on from the last one: "and where…", "so why…". */
export const CONTINUING = /^\s*(?:and|but|so|also|then|ok|okay)\b[\s,]*/i

/** "What about Meyer?", "and Selee?": the last question again, about someone or something else. */
export const INSTEAD =
  /^\s*(?:(?:and|but)\s+)?(?:what|how)\s+about\s+(.+?)[\s?.!]*$|^\s*and\s+(?!(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|might|may|then|there)\b)([^?]{1,40}?)\s*\?+\s*$/i
