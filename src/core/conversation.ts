import { fold, STOP_WORDS, words } from './normalize.js'
import { type Person, peopleIn, pronounOf } from './people.js'
import { CONTINUING, INSTEAD, isPersonal, referencesIn, type Slot, type Token, tokenize } from './references.js'
import type { Answer } from './types.js'

/**
 * Reading a question in the context of the conversation it belongs to. People ask "who is Maureen
 * Meyer?" and then "what did she say?": the second question is rewritten into one that stands on
 * its own ("what did Meyer say?") before the core answers it, so the answering itself stays one
 * pure function of one question. Deterministic, no language model: the candidates for "he"
 * are the people the article names (people.ts) that the earlier turns asked or were answered
 * about, most recent first; "it" and "that" are what an earlier question was about.
 *
 * A question with no word pointing back is read as it is: context never changes a complete
 * question.
 */

/** One earlier turn of a conversation: what was asked and, if the caller kept it, the answer. */
export type Turn = { question: string; answer?: Answer }

/**
 * What a conversation needs to keep of a turn: the question, the answer's status and its first
 * citation (who was quoted, about what). A bot that keeps thousands of conversations keeps little.
 */
export function turnToKeep(question: string, answer?: Answer): Turn {
  // Without an answer (a view was shown instead) the core works it out again when it is needed.
  if (!answer) return { question }
  return { question, answer: { status: answer.status, text: '', citations: answer.citations.slice(0, 1), followUps: [] } }
}

/** What one turn was about, once read: the candidates for the references of the next ones. */
export type Focus = {
  /** The turn's question as it stands on its own. */
  question: string
  /** The people it asked about first, then those its answer quoted or named. */
  people: Person[]
  /** What "it" stands for: "the parole program" after "tell me about the parole program". */
  thing?: string
  /** Its content words, for "that" and for a follow-up that goes on from it ("why?"). */
  topic: string
  /** Who its "he" and "she" stood for: a person read as "he" is no "she" later in the conversation. */
  pronouns?: Map<Person, 'he' | 'she'>
}

export type Reading =
  /** The question to answer, standing on its own (the question itself when nothing points back). */
  | { question: string; changed: boolean; thing?: string; pronouns?: Map<Person, 'he' | 'she'> }
  /** A reference nothing in the conversation can stand for. */
  | { unclear: string; personal: boolean }

/** Words that ask rather than name: they are not carried over to the next question. */
const ASKING = new Set(
  `say said says tell told think thinks thought mean meant do did does done happen happened happens
  know explain describe please more about like also exactly really country countries city cities
  place places year years date day month time person people reason number amount percentage region
  regions nation nations location`.split(/\s+/),
)

const contentWords = (text: string): string[] => words(text).filter((w) => !STOP_WORDS.has(w) && !ASKING.has(w))

/** What the member asked in this turn, in their own words: no pointing words, no asking words. */
export const ownWords = (raw: string): string[] => contentWords(raw.replace(CONTINUING, '')).filter((w) => w.length > 1)

/** The question again with one word replaced by `by` ('' drops it, and the space before it). */
function rewrite(tokens: Token[], index: number, by: string): void {
  if (by) {
    tokens[index] = { text: by, word: fold(by) }
    return
  }
  tokens[index] = { text: '' }
  if (tokens[index - 1] && !tokens[index - 1].word) tokens[index - 1] = { text: ' ' }
}

const possessive = (name: string): string => (/s$/i.test(name) ? `${name}'` : `${name}'s`)

/**
 * The most recent person of the earlier turns that the pronoun can stand for ("she" skips a man
 * the article calls "he"), with how to name them.
 */
function personFor(earlier: readonly Focus[], exclude: readonly Person[], word: string): { person: Person; name: string } | undefined {
  const wanted = pronounOf(word)
  const known = (p: Person) => p.pronoun ?? latest(earlier, (f) => f.pronouns?.get(p))
  for (let i = earlier.length - 1; i >= 0; i--)
    for (const p of earlier[i].people) {
      const pronoun = known(p)
      if (exclude.includes(p) || (wanted && pronoun && pronoun !== wanted)) continue
      return { person: p, name: nameIn(p, earlier.slice(0, i + 1)) }
    }
  return undefined
}

/**
 * A person named by surname when it is no everyday word ("Bárcena", not "Price"): an article gives
 * the full name once and the surname after, and the full name would pull every answer towards that
 * first mention. Else as the member last wrote them ("ned price"), else in full.
 */
function nameIn(p: Person, earlier: readonly Focus[]): string {
  if (p.words.length > 1 && p.surname) return p.surname
  for (let i = earlier.length - 1; i >= 0; i--) {
    const run = tokenize(earlier[i].question).filter((t) => t.word && p.words.includes(t.word))
    if (run.length) return run.map((t) => t.text).join(' ')
  }
  return p.name
}

function latest<T>(earlier: readonly Focus[], pick: (f: Focus) => T | undefined): T | undefined {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const v = pick(earlier[i])
    if (v) return v
  }
  return undefined
}

/**
 * The question read in the context of the earlier turns (oldest first). `people` are those the
 * article(s) of the conversation name.
 */
export function readQuestion(raw: string, earlier: readonly Focus[], people: readonly Person[]): Reading {
  const instead = raw.match(INSTEAD)
  const last = earlier[earlier.length - 1]
  if (instead && last) return { question: insteadOf(last, (instead[1] ?? instead[2]).trim(), people), changed: true }

  const tokens = tokenize(raw)
  const refs = referencesIn(tokens)
  const named = peopleIn(raw, people)
  let carry = false
  let changed = false
  let thing: string | undefined
  const pronouns = new Map<Person, 'he' | 'she'>()
  // A pronoun after a name in the same question points at that name: "what did Price say about his …".
  const firstNamedAt = named.length ? firstMention(tokens, named[0]) : -1
  for (const { index, slot } of refs) {
    if (isPersonal(slot) && firstNamedAt >= 0 && firstNamedAt < index) continue
    const word = tokens[index].word ?? ''
    const person = isPersonal(slot) ? personFor(earlier, named, word) : undefined
    const pronoun = pronounOf(word)
    if (person && pronoun) pronouns.set(person.person, pronoun)
    const by = person ? (slot === 'personPossessive' ? possessive(person.name) : person.name) : referent(slot, earlier, named)
    if (by === undefined) {
      if (slot === 'plural' || slot === 'place' || slot === 'time' || slot === 'drop') {
        rewrite(tokens, index, '')
        carry ||= slot !== 'drop'
        changed = true
        continue
      }
      return { unclear: tokens[index].text, personal: isPersonal(slot) }
    }
    rewrite(tokens, index, by)
    if (slot === 'thing' || slot === 'thingPossessive') thing ??= referent('thing', earlier, named)
    changed = true
  }
  let question = tokens
    .map((t) => t.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  // "and what did they agree on?", "why?", "to which countries?": the last question goes on.
  const own = contentWords(question.replace(CONTINUING, ''))
  if (last && (carry || own.length === 0 || (CONTINUING.test(raw) && own.length <= 2))) {
    question = `${question.replace(CONTINUING, '').replace(/[?.!\s]+$/, '')} ${carried(last, question, own.length > 0, pronouns.size > 0)}`.trim()
    changed = true
  }
  if (last) {
    const definite = definiteReference(question, earlier)
    if (definite) {
      question = definite
      changed = true
    }
  }
  return { question, changed, ...(thing ? { thing } : {}), ...(pronouns.size ? { pronouns } : {}) }
}

/** What a reference stands for, or undefined when nothing earlier can. */
function referent(slot: Slot, earlier: readonly Focus[], named: readonly Person[]): string | undefined {
  switch (slot) {
    case 'person':
      return personFor(earlier, named, '')?.name
    case 'personPossessive': {
      const p = personFor(earlier, named, '')
      return p && possessive(p.name)
    }
    case 'thing':
      return latest(earlier, (f) => f.thing) ?? latest(earlier, (f) => f.topic || undefined)
    case 'thingPossessive': {
      const t = latest(earlier, (f) => f.thing) ?? latest(earlier, (f) => f.topic || undefined)
      return t && possessive(t)
    }
    case 'event':
      return latest(earlier, (f) => f.topic || undefined)
    default:
      // "they", "there", "then" are dropped and the last question's words carried instead.
      return undefined
  }
}

/**
 * The last turn's person (unless a "he" or "she" already named one) and topic, less what the
 * question already says. A follow-up with words of its own ("and what did they agree on?") takes
 * only the person, or else the thing: the whole last topic would outweigh the one new word and
 * bring back the last answer.
 */
function carried(last: Focus, question: string, ownWords: boolean, hasPerson: boolean): string {
  const have = new Set(words(question))
  const person = hasPerson ? undefined : last.people[0]
  const parts: string[] = []
  if (person && !person.words.some((w) => have.has(w))) parts.push(nameIn(person, [last]))
  if (ownWords && parts.length) return parts.join(' ')
  const topic = (ownWords && last.thing ? last.thing : last.topic).split(' ').filter((w) => !have.has(fold(w)))
  parts.push(...topic)
  return parts.join(' ')
}

/** "the program" after "tell me about the parole program": the earlier, fuller name of the thing. */
function definiteReference(question: string, earlier: readonly Focus[]): string | undefined {
  const folded = fold(question)
  for (let i = earlier.length - 1; i >= 0; i--) {
    const thing = earlier[i].thing
    if (!thing) continue
    const full = thing.replace(/^(?:the|a|an)\s+/i, '')
    const fullWords = words(full)
    if (fullWords.length < 2 || folded.includes(fold(full))) continue
    const m = question.match(/\b(?:the|this|that)\s+([\p{L}\p{N}-]+)/iu)
    if (m && fullWords[fullWords.length - 1] === fold(m[1])) return question.replace(m[0], `the ${full}`)
  }
  return undefined
}

/** "what about Meyer?" after "what did Selee say?": the same question about someone else. */
function insteadOf(last: Focus, other: string, people: readonly Person[]): string {
  const was = last.people[0]
  if (was && peopleIn(other, people).length) {
    const re = new RegExp(was.words.map((w) => `${w}(?:'s)?`).join('\\s+'), 'i')
    const swapped = fold(last.question).replace(re, other)
    if (swapped !== fold(last.question)) return swapped
  }
  if (last.thing && fold(last.question).includes(fold(last.thing))) return fold(last.question).replace(fold(last.thing), other)
  return `${other} ${last.topic}`.trim()
}

function firstMention(tokens: readonly Token[], p: Person): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i].word && p.words.includes(tokens[i].word as string)) return i
  return -1
}

/** "Who is X?", "tell me about X", "… about X": the thing the question is about. */
const DEFINED =
  /^(?:who|what)\s+(?:is|was|are|were)\s+(.+?)[?.!\s]*$|^(?:tell me|explain|describe)(?:\s+more)?(?:\s+about)?\s+(.+?)[?.!\s]*$|\babout\s+(.+?)[?.!\s]*$/i

/** What a turn was about, for the turns after it. */
export function focusOf(
  question: string,
  answer: Answer | undefined,
  people: readonly Person[],
  read: { thing?: string; pronouns?: Map<Person, 'he' | 'she'> } = {},
): Focus {
  const carriedThing = read.thing
  const asked = peopleIn(question, people)
  const answered: Person[] = []
  const first = answer?.status === 'answered' ? answer.citations[0] : undefined
  if (first) {
    const speaker = first.speaker ? peopleIn(first.speaker, people)[0] : undefined
    if (speaker) answered.push(speaker)
    answered.push(...peopleIn(first.quote, people))
  }
  const all = [...new Set([...asked, ...answered])]
  const personWords = new Set(asked.flatMap((p) => p.words))
  const topic = tokenize(question)
    .filter((t) => t.word && !STOP_WORDS.has(t.word) && !ASKING.has(t.word) && !personWords.has(t.word))
    .map((t) => t.text)
    .join(' ')
  const m = question.match(DEFINED)
  const defined = (m?.[1] ?? m?.[2] ?? m?.[3])?.trim()
  const thing = carriedThing ?? (defined && !peopleIn(defined, people).length ? defined : undefined)
  return { question, people: all, topic, ...(thing ? { thing } : {}), ...(read.pronouns ? { pronouns: read.pronouns } : {}) }
}
