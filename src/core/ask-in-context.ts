import { type Focus, focusOf, readQuestion, type Turn } from './conversation.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { mainPersonOf } from './main-person.js'
import { notRepeated } from './next-sentence.js'
import { STOP_WORDS, stem, terms } from './normalize.js'
import { holdsOwnAsk } from './own-ask.js'
import { type Person, peopleIn, peopleOf, pronounOf } from './people.js'
import { parseQuestion } from './question.js'
import { isPersonal, referencesIn, type Token, tokenize } from './references.js'
import { properWords } from './sentence-readings.js'
import { namesItsSpeaker } from './speakers.js'
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

/** `article`: the one article the question is asked of (AskOptions), for whom a lone "he" may mean. */
export function askInContext(kb: KnowledgeBase, question: string, context: readonly Turn[], ask: AskPlain, article?: string): Answer {
  const turns = context.slice(-MAX_TURNS)
  const slugs = new Set<string>(kb.articles.size <= ALL_ARTICLES_UP_TO ? kb.articles.keys() : [])
  const people = (): Person[] => [...slugs].flatMap((s) => peopleOf(kb, s))
  if (!turns.length) {
    // No conversation: the question is answered as it stands. A "he" or "she" the article could
    // not answer so is its main person when it plainly has one (main-person.ts): "how long was he
    // a member?" about a profile of one man. Asked first with the name put in, it was measured
    // worse: a name the article uses everywhere pulls the answer to sentences that repeat it,
    // away from those that say "he".
    const plain = ask(question)
    const main = plain.status === 'not_found' ? mainPersonFocus(kb, question, article) : undefined
    const read = main && readQuestion(question, [main], people())
    const answer = read && 'question' in read && read.changed ? ask(read.question) : undefined
    if (read && 'question' in read && answer && aboutAsked(kb, question, answer)) return readAs(read.question, answer)
    // Else only a "he" or "she" the article could not answer gets "who do you mean?" instead of
    // "not in the article".
    const sole = soleArticle(kb, article)
    const unclear = plain.status === 'not_found' ? personalReference(question, people(), sole === undefined ? undefined : properWords(kb, sole)) : undefined
    return unclear ? clarify(unclear, plain, people()) : plain
  }
  const foci: Focus[] = []
  let last: Answer | undefined
  for (const turn of turns) {
    const reading = readQuestion(turn.question, foci, people())
    const asked = 'question' in reading ? reading.question : turn.question
    const answer = turn.answer ?? ask(asked)
    last = answer
    for (const c of answer.citations) slugs.add(c.ref.split('#')[0])
    foci.push(focusOf(asked, answer, people(), 'question' in reading ? reading : {}))
  }
  const speaker = whoSaid(question, last)
  if (speaker) return speaker
  const reading = readQuestion(question, foci, people())
  if ('question' in reading) {
    const answer = ask(reading.question)
    // A name put in for "he" can make a question of 490 characters too long: the member's own
    // question was fine, and is answered as it stands.
    if (answer.status === 'invalid') return ask(question)
    // The last answer again, for a word of the member's that the article words otherwise.
    const moved = notRepeated(kb, question, last, answer)
    if (moved) return moved
    if (!reading.changed || (answer.status === 'answered' && holdsOwnAsk(kb, question, reading, answer))) return answer
    if (answer.status !== 'answered') {
      // "Does it say why …": an "it" or "that" pointing at nothing earlier, in a question the
      // article answers as it stands.
      const plain = onlyThings(question) ? ask(question) : undefined
      if (plain?.status === 'answered') return plain
      // The decline says how the question was read, so a wrong reading can be corrected.
      return { ...answer, text: `${answer.text} (I read your question as "${reading.question}".)` }
    }
    return {
      status: 'not_found',
      text: `I couldn't find an answer to that in the article (I read your question as "${reading.question}").`,
      citations: [],
      followUps: answer.followUps,
    }
  }
  // Nobody earlier for a "he" or "she": the article's main person, when it plainly has one.
  const main = reading.personal ? mainPersonFocus(kb, question, article) : undefined
  const again = main && readQuestion(question, [main, ...foci], people())
  const answer = again && 'question' in again && again.changed ? ask(again.question) : undefined
  if (again && 'question' in again && answer && aboutAsked(kb, question, answer)) return readAs(again.question, answer)
  const plain = ask(question)
  return reading.personal ? clarify(reading.unclear, plain, people()) : plain
}

/** The article a lone "he" may be read in: the one asked of, or the only one there is. */
function soleArticle(kb: KnowledgeBase, article?: string): string | undefined {
  if (article !== undefined) return article
  return kb.articles.size === 1 ? kb.articles.keys().next().value : undefined
}

/** An earlier turn that stands for the article's main person of the question's "he" or "she". */
function mainPersonFocus(kb: KnowledgeBase, question: string, article?: string): Focus | undefined {
  const slug = soleArticle(kb, article)
  const word = slug && personalReference(question, peopleOf(kb, slug), properWords(kb, slug))
  const pronoun = word && pronounOf(word)
  const person = slug && pronoun && mainPersonOf(kb, slug, pronoun)
  return person ? { question: '', people: [person], topic: '' } : undefined
}

/**
 * Does an answer found with the main person's name put in cite what the member asked about? The
 * name is in nearly every sentence of an article about that person, so it alone lifts sentences
 * over the bar: "what did his wife say" met by any sentence naming him. A question of only the
 * person ("how old is he") has nothing else to look for. Else "who do you mean?" stays.
 */
function aboutAsked(kb: KnowledgeBase, question: string, answer: Answer): boolean {
  // A name put in for "he" can make a question of 490 characters too long: the member's own
  // question was fine, and is answered as it stands.
  if (answer.status === 'invalid') return false
  if (answer.status !== 'answered') return true
  const asked = parseQuestion(kb, question).concepts
  if (!asked.length) return true
  const cited = new Set(answer.citations.flatMap((c) => terms(c.quote)))
  return asked.some((c) => [...c.stems].some((s) => cited.has(s)))
}

/** A decline of a question read with a person put in says how it was read, so it can be corrected. */
function readAs(question: string, answer: Answer): Answer {
  return answer.status === 'answered' ? answer : { ...answer, text: `${answer.text} (I read your question as "${question}".)` }
}

/** "Who said that?", "and who wrote this?": the speaker of the last answer's sentence is asked for. */
const WHO_SAID = /^(?:(?:and|so|but|ok|okay)[,\s]+)?who\s+(?:said|says|wrote|writes|stated|claimed|claims)\s+(?:that|this|it)[?.!\s]*$/i

/**
 * "Who said that?": whose words the last answer's sentence is. Asked again as a question, it would
 * find no sentence saying who said "that", or bring back the same sentence as if someone had said
 * it; the speaker the article gives is the answer, or, when it gives none, that the words are the
 * article's own (or a quotation it does not attribute), citing the sentence either way.
 */
function whoSaid(question: string, last: Answer | undefined): Answer | undefined {
  if (last?.status !== 'answered' || !WHO_SAID.test(question.trim())) return undefined
  const first = last.citations[0]
  if (!first) return undefined
  // Only a speaker the sentence itself names: one found through a "he wrote" is the article's
  // reading of who "he" is, which can be wrong, and a wrong name stated outright is an invention.
  const named = first.speaker !== undefined && namesItsSpeaker(first.quote, first.speaker)
  const text = named
    ? `${first.speaker}, as the article quotes it. [1]`
    : first.kind === 'quote' || first.speaker
      ? "That sentence doesn't name who said it. [1]"
      : "No one is quoted saying that: it is the article's own reporting. [1]"
  return { status: 'answered', text, citations: [first], followUps: last.followUps }
}

/** Does the question point back only with "it", "its", "that" or "this" (nothing dropped or carried)? */
function onlyThings(question: string): boolean {
  const refs = referencesIn(tokenize(question))
  return refs.length > 0 && refs.every((r) => r.slot === 'thing' || r.slot === 'thingPossessive' || r.slot === 'event')
}

/**
 * The first "he", "she", "his" or "her" of a question, as written, unless a person the question
 * names comes before it: in "what did Blinken say when he met López Obrador?" "he" is Blinken.
 */
function personalReference(question: string, people: readonly Person[], proper?: ReadonlySet<string>): string | undefined {
  const tokens = tokenize(question)
  const ref = referencesIn(tokens).find((r) => isPersonal(r.slot))
  if (!ref) return undefined
  const before = tokens.slice(0, ref.index)
  if (peopleIn(before.map((t) => t.text).join(''), people).length) return undefined
  // Someone the article does not count among its people is still a name: capitalised after the
  // first word, or a word the article writes only as a name ("tom becker").
  const named = (t: Token, i: number) => !!t.word && ((i > 0 && /^\p{Lu}/u.test(t.text)) || (!STOP_WORDS.has(t.word) && !!proper?.has(stem(t.word))))
  return before.some(named) ? undefined : tokens[ref.index].text
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
