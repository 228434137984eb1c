import { citationOf, framed } from './cite.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { overview } from './overview.js'
import { parseQuestion, type Question } from './question.js'
import { rankFacts, type Scored } from './rank.js'
import type { Answer, Fact } from './types.js'

/** The question adapters ask for an overview (`/summary`, `/ask` with no text). */
export const OVERVIEW_QUESTION = 'summary'

/** The longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500

/** Calibrated on the dev questions and the four SQuAD sets together (README, "Quality"). */
export const TUNING = {
  /** Below this score the best sentence is not trusted: the knowledge is said not to cover it. */
  answerThreshold: 0.58,
  /** Further sentences are cited only when they score within this much of the best one. */
  alsoCiteWithin: 0.45,
  /** Cited sentences this close to the best are part of the answer text; the rest are "see also". */
  answerTogetherWithin: 0.12,
  /** …and when they match at least this share of what the best one matched of the question. */
  alsoCiteCoverage: 0.5,
}
const MAX_CITATIONS = 3

export type Draft = Omit<Answer, 'followUps'> & {
  facts: Fact[]
  question?: Question
  /** The article closest to the question, when none answers it: its suggestions are offered. */
  nearest?: string
}

export function invalid(text: string): Draft {
  return { status: 'invalid', text, citations: [], facts: [] }
}

/** Why a question cannot be asked as it is, or undefined when it can. */
export function validate(question: string): string | undefined {
  if (question.includes('\uFFFD')) return 'That question has unreadable characters: please type it again as plain text.'
  const trimmed = question.trim()
  if (!trimmed) return 'Please type a question about the article, or "summary" for an overview.'
  if (trimmed.length > MAX_QUESTION_LENGTH) return `That question is ${trimmed.length} characters long; the limit is ${MAX_QUESTION_LENGTH}. Please shorten it.`
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'That has no words in it: please ask a question in words.'
  return undefined
}

function pickCitations(kb: KnowledgeBase, ranked: Scored[]): Scored[] {
  const chosen: Scored[] = []
  const texts = new Set<string>()
  for (const s of ranked) {
    if (chosen.length >= MAX_CITATIONS) break
    if (chosen.length && s.score < chosen[0].score - TUNING.alsoCiteWithin) break
    // A further sentence must itself be about the question, not just score near a weak best.
    if (chosen.length && s.coverage < TUNING.alsoCiteCoverage * chosen[0].coverage) continue
    const f = kb.facts[s.id]
    if (kb.duplicates.has(s.id) || texts.has(f.text)) continue
    texts.add(f.text)
    chosen.push(s)
  }
  return chosen
}

/**
 * The answer is the sentences that score as well as the best one; the others are offered as
 * "see also", so a reader meets one clear answer first and the nearby evidence after it.
 */
function compose(chosen: Scored[], facts: Fact[]): string {
  const lead = chosen.filter((s) => s.score >= chosen[0].score - TUNING.answerTogetherWithin).length
  const said = facts.slice(0, lead).map((f, i) => framed(f, `[${i + 1}]`))
  const more = facts.slice(lead).map((_, i) => `[${lead + i + 1}]`)
  if (more.length) said.push(`See also ${more.join(' and ')}.`)
  return said.join(' ')
}

/** Topics to offer when the article has no answer: its section headings, else its lead. */
function coveredTopics(kb: KnowledgeBase, slug: string): string[] {
  const article = kb.articles.get(slug)
  if (!article) return []
  const sections = [...new Set(article.blocks.map((b) => b.section).filter((s): s is string => !!s))]
  return sections.slice(0, 3)
}

function notFound(kb: KnowledgeBase, ranked: Scored[]): Draft {
  const slug = ranked.length ? kb.facts[ranked[0].id].article : [...kb.articles.keys()][0]
  const where = kb.articles.size > 1 ? `any of the ${kb.articles.size} articles I know` : 'the article'
  const about = kb.articles.size > 1 ? 'The closest one' : 'It'
  const topics = coveredTopics(kb, slug)
  const offer = topics.length
    ? ` ${about} covers ${topics.map((t) => `"${t}"`).join(', ')}; try one of the suggested questions.`
    : ' Try one of the suggested questions, or ask for a summary.'
  return { status: 'not_found', text: `I couldn't find an answer to that in ${where}.${offer}`, citations: [], facts: [], nearest: slug }
}

/** Answers one question from the knowledge base. Pure: same question, same knowledge, same answer. */
export function draftAnswer(kb: KnowledgeBase, raw: string): Draft {
  const problem = validate(raw)
  if (problem) return invalid(problem)
  const question = parseQuestion(kb, raw.trim())
  if (question.type === 'overview') {
    const o = overview(kb)
    return { ...o, facts: [], question }
  }
  const ranked = rankFacts(kb, question)
  if (!ranked.length || ranked[0].score < TUNING.answerThreshold) return { ...notFound(kb, ranked), question }
  const chosen = pickCitations(kb, ranked)
  const facts = chosen.map((s) => kb.facts[s.id])
  return {
    status: 'answered',
    text: compose(chosen, facts),
    citations: facts.map((f) => citationOf(kb, f)),
    facts,
    question,
  }
}
