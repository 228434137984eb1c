import { MONTH_SHORT_FORMS, MONTHS, WEEKDAYS } from './calendar.js'
import { findNames } from './names.js'
import { words } from './normalize.js'
import { ONE_TO_TWELVE, SCALES, TENS } from './numbers.js'
import type { Fact } from './types.js'

/** What a sentence offers each kind of question, worked out once when the index is built. */
export type FactProfile = {
  own: Set<string>
  speaker: Set<string>
  /** A count or amount ("six", "200,000", "30%", "tens of thousands"), years excluded. */
  number: boolean
  /** A date or time ("2001", "last month", "on Friday", "during the pandemic"). */
  time: boolean
  /** Folded words of the proper names in it. */
  names: Set<string>
  /** A place: a proper name after in/at/to/from/near/… */
  place: boolean
  /** A cause or purpose ("because", "due to", "in order to", "as a result"). */
  cause: boolean
  /** Names given a role: "Andrew Selee, the president of …", "Mexican leader Vicente Fox". */
  roles: Set<string>
}

/** Month names and short forms, matched case-blind (both patterns below have the `i` flag). */
const MONTH_NAMES = [...MONTHS, ...MONTH_SHORT_FORMS].join('|')
const NUMBER_WORDS = ['single', ...ONE_TO_TWELVE, 'fifteen', ...TENS.slice(0, 4), ...SCALES, ...'dozen dozens half quarter several majority'.split(' ')].join(
  '|',
)
// Years and days of the month ("September 30") are dates, not amounts.
const NUMBER = new RegExp(
  String.raw`(?<![\d,.])(?<!\b(?:${MONTH_NAMES})\.?\s)(?!(?:1[0-9]|20)\d\d\b)(?!\d+(?:st|nd|rd|th)\b)\d[\d,.]*(?:\s*(?:%|percent|per cent))?|\b(?:${NUMBER_WORDS})\b|\$\s?\d`,
  'i',
)
const DAYS = WEEKDAYS.join('|')
const TIME = new RegExp(
  String.raw`\b(?:1[0-9]|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\s+century|\bcentur(?:y|ies)\b|\b(?:${MONTH_NAMES})\b|\b(?:${DAYS})\b|\b(?:last|this|next|past|previous|following)\s+(?:week|month|year|decade|weekend|spring|summer|fall|autumn|winter)\b|\b(?:yesterday|today|tomorrow|ago|decade|era|earlier this|later)\b|\bduring the\b|\b(?:in|since|until|by)\s+the\s+\d{4}s\b|\b(?:in|by|since|until|around|circa|c\.|from|of)\s+\d{3,4}\b|\b\d{2,4}s\b|\b\d+\s*(?:AD|BC|BCE|CE)\b`,
  'i',
)
/** The dates and times a sentence gives ("February", "in 2001", "last week"). */
export function timesIn(text: string): string[] {
  return [...text.matchAll(TIMES)].map((m) => m[0])
}
const TIMES = new RegExp(TIME.source, 'gi')
const CAUSE =
  /\b(?:because|due to|as a result|in order to|so that|in response|aimed at|intended to|led to|leading to|lead to|caused|causes|cause|reason|motive|since|owing to|thanks to|given|result(?:ed)? in|to avoid|to prevent|to address|to discourage|to justify|driven by|prompted|therefore|consequently|so as to)\b/i
const PLACE = /\b(?:in|at|to|from|near|across|into|between|throughout|within|toward|towards|on)\s+(?:the\s+)?\p{Lu}/u
const ROLE_AFTER = /^,\s+(?:the|a|an|who|its|his|her|their)\b/
/** "Respond is a consortium …": the sentence says what the name is. */
const IS_A_AFTER = /^\s+(?:is|was|are|were)\s+(?:a|an|the|one of)\b/
/** "… a consortium known as Respond", "a group called Respond". */
const DEFINED_BEFORE = /\b(?:known as|called|named|dubbed|nicknamed)\s+(?:the\s+)?$/i
const ROLE_BEFORE = /(?:\b(?:the|a|an|former|then|late|\p{Lu}[\p{L}]+)\s+)?[\p{Ll}\p{Lu}][\p{L}-]+\s*$/u

function rolesIn(text: string): Set<string> {
  const roles = new Set<string>()
  for (const { name, index } of findNames(text)) {
    const after = text.slice(index + name.length, index + name.length + 16)
    const before = text.slice(Math.max(0, index - 40), index)
    // "Andrew Selee, the president of …" or "Mexican Foreign Secretary Alicia Bárcena".
    const titled =
      before.length > 0 &&
      ROLE_BEFORE.test(before) &&
      /(?:leader|secretary|president|minister|advisor|adviser|ambassador|director|chief|spokesperson|official|governor|senator|king|queen|duke|bishop|founder|professor|head|chair|[A-Z][\p{L}]+)\s*$/u.test(
        before,
      )
    const defined = IS_A_AFTER.test(after) || DEFINED_BEFORE.test(before)
    if (ROLE_AFTER.test(after) || titled || defined) for (const w of words(name)) roles.add(w)
  }
  return roles
}

/** One shared empty set: most facts have no speaker, names or roles, and 120,000 empty sets add up. */
const NONE: Set<string> = new Set()

export function orNone(set: Set<string>): Set<string> {
  return set.size ? set : NONE
}

/** What a sentence offers besides its terms: worked out once, when its article is compiled. */
export type FactFeatures = Omit<FactProfile, 'own' | 'speaker'>

export function featuresOf(fact: Fact): FactFeatures {
  const names = new Set<string>()
  for (const { name } of findNames(fact.text)) for (const w of words(name)) names.add(w)
  return {
    number: NUMBER.test(fact.text),
    time: TIME.test(fact.text),
    names: names.size ? names : NONE,
    place: PLACE.test(fact.text),
    cause: CAUSE.test(fact.text),
    roles: orNone(rolesIn(fact.text)),
  }
}
