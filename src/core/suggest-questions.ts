import { factsWithAll } from './autocomplete.js'
import { candidateSuggestions, NOT_A_PERSON, type Suggestion } from './follow-ups.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { findNames } from './names.js'
import { fold, STOP_WORDS, words } from './normalize.js'
import { ONE_TO_TWELVE } from './numbers.js'

/**
 * Questions to offer while a member types (autocomplete, the chat's examples), drawn from what an
 * article says: its people (who is, what did they say), its topics (named places, organisations,
 * things like "Title 42", the front matter's `topics`) and its numbers ("How many flights?",
 * "What happened in 2001?"). Each is only a candidate: the caller offers it once `ask()` answers it.
 */

/** A number, written in digits or as a word, that counts something. */
const COUNT = String.raw`\d[\d,.]*|${ONE_TO_TWELVE.slice(1).join('|')}|dozens|hundreds|thousands|millions`
/** "six flights", "2,000 miles", "15 migrants": the number and the word it counts. */
const COUNTED = new RegExp(String.raw`\b(?:${COUNT})\s+(?:[a-z]+\s+)?([a-z][a-z-]*s)\b`, 'giu')
const YEAR = /\b(?:in|since|by|until)\s+((?:19|20)\d\d)\b/gu
/** A capitalised word and a number: "Title 42", "Route 66", "Article 5". */
const NUMBERED_NAME = /\b(\p{Lu}\p{L}+ \d+)\b/gu
/** A date is not a thing to ask "what is" about ("August 2004"): years have their own question. */
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i
/** A date word on its own says nothing to ask about ("What about Monday?"). */
const DATE_WORD =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i

/** Questions about one fact, beyond the people questions of follow-ups.ts. */
function topicQuestions(text: string, people: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (const found of findNames(text)) {
    // "Bank's" asks about the bank.
    const name = found.name.replace(/['’]s$/u, '')
    const index = found.index
    const parts = fold(name).split(/\s+/)
    const last = parts[parts.length - 1]
    // Places and organisations; a lone surname is asked about through the person instead.
    if (people.has(fold(name)) || (parts.length > 1 && !NOT_A_PERSON.has(last))) continue
    // A lone word before a lowercase one is used as an adjective ("Mexican officials").
    if (parts.length === 1 && (STOP_WORDS.has(last) || DATE_WORD.test(last) || /^\s+\p{Ll}/u.test(text.slice(index + name.length)))) continue
    out.push(`What about ${name}?`)
  }
  for (const m of text.matchAll(NUMBERED_NAME)) if (!MONTH.test(m[1]) && !STOP_WORDS.has(m[1].split(' ')[0].toLowerCase())) out.push(`What is ${m[1]}?`)
  for (const m of text.matchAll(COUNTED)) if (!STOP_WORDS.has(m[1].toLowerCase())) out.push(`How many ${m[1].toLowerCase()}?`)
  for (const m of text.matchAll(YEAR)) out.push(`What happened in ${m[1]}?`)
  return out
}

/**
 * Every candidate question of one article, people first (the most asked), then topics and numbers
 * in article order. `factId` is the fact a people question must be answered with; other questions
 * have -1 and need only be answered.
 */
export function autocompleteCandidates(kb: KnowledgeBase, slug: string): Suggestion[] {
  const out = candidateSuggestions(kb, slug)
  const seen = new Set(out.map((s) => s.key))
  const people = new Set(out.map((s) => fold(s.question.replace(/^Who is |^What did | say\?$|\?$/g, ''))))
  const push = (question: string) => {
    const key = words(question).join(' ')
    if (seen.has(key)) return
    seen.add(key)
    out.push({ question, factId: -1, article: slug, key })
  }
  const article = kb.articles.get(slug)
  for (const topic of (article?.meta.topics ?? '').split(',')) if (topic.trim()) push(`What about ${topic.trim()}?`)
  const range = kb.factRanges.get(slug)
  if (!range) return out
  for (let id = range.start; id < range.end; id++) {
    const f = kb.facts[id]
    if (kb.duplicates.has(f.id) || (f.kind !== 'body' && f.kind !== 'quote')) continue
    for (const q of topicQuestions(f.text, people)) push(q)
  }
  return out
}

/**
 * What was typed, its last word completed to the article's words ("oil pri" -> "What about oil
 * prices?"), the most used completions first: for topics no name or number stands for.
 */
export function completions(kb: KnowledgeBase, wanted: readonly string[], max: number): Suggestion[] {
  const last = wanted[wanted.length - 1]
  if (!last || last.length < 3) return []
  const found = [...kb.vocabulary.atPrefix(last)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max * 2)
  const head = wanted.slice(0, -1)
  const asking = QUESTION_START.test(head[0] ?? '')
  // Only phrases some sentence holds: "oil pri" is "oil prices", never "oil prime".
  const together = found.filter(([word]) => factsWithAll(kb, [...head, word], false).length > 0)
  return together.slice(0, max).map(([word]) => {
    const phrase = [...head, word].join(' ')
    const question = asking ? `${phrase[0].toUpperCase()}${phrase.slice(1)}?` : `What about ${phrase}?`
    return { question, factId: -1, article: '', key: words(question).join(' ') }
  })
}

const QUESTION_START = /^(?:who|what|when|where|why|how|which|is|are|did|does|do|was|were|can|will)$/
