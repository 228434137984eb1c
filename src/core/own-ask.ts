import { ownWords, type Reading } from './conversation.js'
import { englishCount } from './english.js'
import { type KnowledgeBase, neighboursOf } from './knowledge-base.js'
import { capitalisedAfterFirst, stem, words } from './normalize.js'
import { pronounOf } from './people.js'
import { parseQuestion } from './question.js'
import type { Answer, Citation } from './types.js'

/**
 * Does the answer to a follow-up answer what the member asked in this turn? A follow-up borrows
 * words from the turns before it, and those alone can make the sentence that answered the last
 * turn score high again: "how old is she?" read as "how old is Meyer?" finds Meyer's quote. So the
 * answer must be about the person a "he" or "she" stood for, and hold something the member asked
 * in this turn: one of their own words (in the sentence or the sentences beside it), or, when
 * their words are everyday ones a paraphrase may have swapped ("who came up with it?"), the kind
 * of thing the question asks for (a number, a date, a place, a reason, someone's words, a name).
 */
export function holdsOwnAsk(kb: KnowledgeBase, raw: string, reading: Extract<Reading, { question: string }>, answer: Answer): boolean {
  const id = factIdOf(kb, answer.citations[0])
  if (id === undefined) return true
  const fact = kb.facts[id]
  const near = [id, ...neighboursOf(kb, id)].flatMap((n) => words(kb.facts[n].text))
  const has = (w: string) => near.some((x) => sameFamily(w, x))
  // "US" is there when "United States" is: an alias counts as its meaning.
  const found = (w: string) => has(w) || [...(kb.aliases.get(w) ?? [])].some((m) => words(m).every(has))
  const q = parseQuestion(kb, reading.question)

  // "What did he say?" wants his words; any "he" wants a sentence about him: naming him, or
  // going on about him with "he" / "his" ("In his last report he wrote: …").
  const own = words(fact.text)
  // A speaker the sentence does not name ("… he wrote") was worked out from an earlier sentence,
  // and may be wrong: the sentence's own "he" or "she" is the surer sign.
  const speaker = fact.speaker && words(fact.speaker).some((w) => own.includes(w)) ? words(fact.speaker) : []
  for (const [person, pronoun] of reading.pronouns ?? []) {
    const isSpeaker = person.words.some((w) => speaker.includes(w))
    if (q.type === 'quote' && speaker.length && !isSpeaker) return false
    const named = person.words.some((w) => near.includes(w))
    const referred = !speaker.length && own.some((w) => pronounOf(w) === pronoun)
    if (!named && !isSpeaker && !referred) return false
  }
  const asked = ownWords(raw)
  // A name or rare word the member typed ("what did she say about Germany?") must be there itself,
  // and so must the measure a "how old / tall / far …" asks for: any number will not do.
  if (asked.some((w) => isSpecific(w, raw) && !found(w))) return false
  const measure = raw.match(MEASURE)?.[1]?.toLowerCase()
  if (measure && !found(measure)) return false
  if (asked.some(found)) return true
  // "Where was she born?": a word with a meaning of its own must be there; a place will not do.
  if (!asked.every((w) => englishCount(w) >= EVERYDAY_COUNT)) return false
  const p = kb.profile(id)
  switch (q.type) {
    case 'number':
      return p.number
    case 'when':
      return p.time
    case 'where':
      return p.place
    case 'why':
      return p.cause
    case 'quote':
      return fact.kind === 'quote' || !!fact.speaker
    case 'who':
      return [...p.names].some((n) => !q.words.includes(n))
    default:
      // A plain "what …?" has only its words to go by: when it typed some, one must be there.
      return asked.length === 0
  }
}

/** How long a shared beginning makes two words one family ("expand" / "expansion"), as in concepts.ts. */
const FAMILY_PREFIX = 5

/** Verbs that report words: one stands for another ("when did she announce it?" / "she revealed"). */
const REPORTING = new Set(
  `say said says state stated states announce announced announces reveal revealed reveals tell told tells explain
  explained explains mention mentioned mentions comment commented comments claim claimed claims declare declared
  declares note noted notes report reported reports express expressed expresses add added adds`
    .split(/\s+/)
    .map(stem),
)

function sameFamily(a: string, b: string): boolean {
  if (a === b || stem(a) === stem(b)) return true
  if (REPORTING.has(stem(a)) && REPORTING.has(stem(b))) return true
  return a.length >= FAMILY_PREFIX && b.length >= FAMILY_PREFIX && a.slice(0, FAMILY_PREFIX) === b.slice(0, FAMILY_PREFIX) && Math.abs(a.length - b.length) <= 3
}

/** The fact a citation quotes: its article and paragraph from the ref, then the sentence. */
export function factIdOf(kb: KnowledgeBase, c: Citation | undefined): number | undefined {
  const m = c?.ref.match(/^(.*)#p(\d+)$/)
  const range = m && kb.factRanges.get(m[1])
  if (!c || !m || !range) return undefined
  for (let id = range.start; id < range.end; id++) {
    const f = kb.facts[id]
    if (f.paragraph === Number(m[2]) && c.quote.startsWith(f.text)) return id
  }
  return undefined
}

/** "How old is he?": the number must be an age, so the sentence must say "old" (as in "64 years old"). */
const MEASURE = /\bhow\s+(old|tall|far|big|large|high|deep|wide|heavy|fast)\b/i

/** At most this often in everyday English (englishCount's bands), a word is specific: a paraphrase rarely swaps it. */
const RARE_COUNT = 20
/** At least this often, a word is everyday ("come", "help", "meet"): a paraphrase may well have swapped it. */
const EVERYDAY_COUNT = 10_000

const NAME_WORD = capitalisedAfterFirst(String.raw`\p{L}'’-`)

/** A name (capitalised after the first word) or a word everyday English rarely uses. */
function isSpecific(word: string, raw: string): boolean {
  const capitalised = words((raw.match(NAME_WORD) ?? []).join(' '))
  return capitalised.includes(word) || englishCount(word) <= RARE_COUNT
}
