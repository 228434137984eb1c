import { type Focus, focusOf, ownWords, readQuestion, type Turn } from './conversation.js'
import { englishCount } from './english.js'
import { type KnowledgeBase, neighboursOf } from './knowledge-base.js'
import { stem, words } from './normalize.js'
import { type Person, peopleOf } from './people.js'
import { parseQuestion } from './question.js'
import { isPersonal, referencesIn, tokenize } from './references.js'
import type { Answer } from './types.js'

/**
 * The layer around answering that gives a question its conversation: the earlier turns are read
 * in order (each in the context of those before it), then the question, and what comes out is a
 * question that stands on its own, answered like any other. A reference nothing earlier explains
 * gets a short "who do you mean?" instead of "not in the article".
 */

/** Only the last few turns count: people move on, and every turn read costs a little. */
export const MAX_TURNS = 6

/** Above this many articles, only those the conversation has cited are searched for people. */
const ALL_ARTICLES_UP_TO = 3

type AskPlain = (question: string) => Answer

export function askInContext(kb: KnowledgeBase, question: string, context: readonly Turn[], ask: AskPlain): Answer {
  const turns = context.slice(-MAX_TURNS)
  const slugs = new Set<string>(kb.articles.size <= ALL_ARTICLES_UP_TO ? kb.articles.keys() : [])
  const people = (): Person[] => [...slugs].flatMap((s) => peopleOf(kb, s))
  if (!turns.length) {
    // No conversation: the question is answered as it stands. Only a "he" or "she" the article
    // could not answer gets "who do you mean?" instead of "not in the article".
    const plain = ask(question)
    const unclear = plain.status === 'not_found' ? personalReference(question) : undefined
    return unclear ? clarify(unclear, plain, people()) : plain
  }
  const foci: Focus[] = []
  for (const turn of turns) {
    const reading = readQuestion(turn.question, foci, people())
    const asked = 'question' in reading ? reading.question : turn.question
    const answer = turn.answer ?? ask(asked)
    for (const c of answer.citations) slugs.add(c.ref.split('#')[0])
    foci.push(focusOf(asked, answer, people(), 'question' in reading ? reading : {}))
  }
  const reading = readQuestion(question, foci, people())
  if ('question' in reading) {
    const answer = ask(reading.question)
    if (!reading.changed || (answer.status === 'answered' && holdsOwnAsk(kb, question, reading.question, answer))) return answer
    // "Is it true that …": an "it" that pointed at nothing earlier, in a question complete without it.
    if (!personalReference(question)) {
      const plain = ask(question)
      if (plain.status === 'answered') return plain
    }
    if (answer.status !== 'answered') return answer
    return {
      status: 'not_found',
      text: `I couldn't find an answer to that in the article (I read your question as "${reading.question}").`,
      citations: [],
      followUps: answer.followUps,
    }
  }
  const plain = ask(question)
  return reading.personal ? clarify(reading.unclear, plain, people()) : plain
}

/** The first "he", "she", "his" or "her" of a question, as written. */
function personalReference(question: string): string | undefined {
  const tokens = tokenize(question)
  const ref = referencesIn(tokens).find((r) => isPersonal(r.slot))
  return ref && tokens[ref.index].text
}

/** "Who do you mean?": the people the article quotes are offered, as names and as questions. */
function clarify(word: string, plain: Answer, people: readonly Person[]): Answer {
  const quoted = people.filter((p) => p.quoted)
  const names = quoted.slice(0, 4).map((p) => p.name)
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]
  const more = quoted.length > names.length ? ` (and ${quoted.length - names.length} more)` : ''
  const text = list
    ? `Who do you mean by "${word}"? The article quotes ${list}${more}: ask again with the name.`
    : `Who do you mean by "${word}"? Please ask again with the name.`
  const followUps = quoted.slice(0, 3).map((p) => `What did ${p.name} say?`)
  return { status: 'not_found', text, citations: [], followUps: followUps.length ? followUps : plain.followUps }
}

/** How long a shared beginning makes two words one family ("expand" / "expansion"), as in question.ts. */
const FAMILY_PREFIX = 5

/**
 * A follow-up borrows words from the turns before it, and those alone can make the sentence that
 * answered the last turn score high again: "how old is she?" read as "how old is Meyer?"
 * finds Meyer's quote. So the answer must hold something the member asked in this turn: one of
 * their own words (in the sentence or the sentences beside it), or the kind of thing the question
 * asks for (a number, a date, a place, a reason, someone's words, a name it did not give).
 */
function holdsOwnAsk(kb: KnowledgeBase, raw: string, resolved: string, answer: Answer): boolean {
  const id = factIdOf(kb, answer.citations[0])
  if (id === undefined) return true
  const near = [id, ...neighboursOf(kb, id)].flatMap((n) => words(kb.facts[n].text))
  const own = ownWords(raw)
  const has = (w: string) => near.some((x) => sameFamily(w, x))
  // "US" is there when "United States" is: an alias counts as its meaning.
  const found = (w: string) => has(w) || [...(kb.aliases.get(w) ?? [])].some((m) => words(m).every(has))
  // A name or rare word the member typed ("what did she say about Germany?") must be there itself,
  // and so must the measure a "how old / tall / far …" asks for: any number will not do.
  if (own.some((w) => isSpecific(w, raw) && !found(w))) return false
  const measure = raw.match(MEASURE)?.[1]?.toLowerCase()
  if (measure && !found(measure)) return false
  if (own.some(found)) return true
  const p = kb.profiles[id]
  const q = parseQuestion(kb, resolved)
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
      return kb.facts[id].kind === 'quote' || !!kb.facts[id].speaker
    case 'who':
      return [...p.names].some((n) => !q.words.includes(n))
    default:
      // A plain "what …?" has only its words to go by: when it typed some, one must be there.
      return own.length === 0
  }
}

function sameFamily(a: string, b: string): boolean {
  if (a === b || stem(a) === stem(b)) return true
  return a.length >= FAMILY_PREFIX && b.length >= FAMILY_PREFIX && a.slice(0, FAMILY_PREFIX) === b.slice(0, FAMILY_PREFIX) && Math.abs(a.length - b.length) <= 3
}

/** The fact a citation quotes: its article and paragraph from the ref, then the sentence. */
function factIdOf(kb: KnowledgeBase, c: Answer['citations'][number] | undefined): number | undefined {
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

/** A name (capitalised after the first word) or a word everyday English rarely uses. */
function isSpecific(word: string, raw: string): boolean {
  const capitalised = words((raw.match(/(?<=\S\s+)\p{Lu}[\p{L}'’-]*/gu) ?? []).join(' '))
  return capitalised.includes(word) || englishCount(word) <= RARE_COUNT
}
