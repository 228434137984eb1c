import { answerAboutArticle, askedField } from './about-article.js'
import { antecedentOf } from './antecedent.js'
import { citationOf, framed } from './cite.js'
import { FLAG } from './compile-article.js'
import { declineTrap, notFound } from './decline.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { overview } from './overview.js'
import { parseQuestion, type Question } from './question.js'
import { rankFacts, type Scored } from './rank.js'
import { findTrap } from './traps.js'
import type { Answer, Fact } from './types.js'

/** The question adapters ask for an overview (`/summary`, `/ask` with no text). */
export const OVERVIEW_QUESTION = 'summary'

/** The longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500

/**
 * Calibrated on all the shared sets together (`npm run eval`). The answer threshold was 0.58
 * before the traps of src/core/traps.ts; with them declining what the article does not say, it
 * can let a little more through. Re-measured after the traps' name rules (29 Nov 2026): 0.55
 * would answer 6 more SQuAD questions right but decline 7 fewer right and one of dev-questions'.
 */
export const TUNING = {
  /** Below this score the best sentence is not trusted: the knowledge is said not to cover it. */
  answerThreshold: 0.56,
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
    // "See also" stays within the answer's article: another article's sentence is another story.
    if (chosen.length && f.article !== kb.facts[chosen[0].id].article) continue
    texts.add(f.text)
    chosen.push(s)
  }
  return chosen
}

/**
 * The answer is the sentences that score as well as the best one; the others are offered as
 * "see also", so a reader meets one clear answer first and the nearby evidence after it.
 */
function compose(kb: KnowledgeBase, facts: Fact[], lead: number): string {
  const said = facts.slice(0, lead).map((f, i) => framed(f, `[${i + 1}]`))
  const more = facts.slice(lead).map((_, i) => `[${lead + i + 1}]`)
  if (more.length) said.push(`See also ${more.join(' and ')}.`)
  // With several articles loaded, the reader is told which one answers.
  const title = kb.articles.size > 1 ? kb.articles.get(facts[0].article)?.title : undefined
  return (title ? `From "${title}": ` : '') + said.join(' ')
}

/**
 * The answer's sentences and how many of them are the answer proper (the rest are "see also"),
 * with the sentence the lead one leans on ("He died…") put before it, as part of the answer.
 */
function answerFacts(kb: KnowledgeBase, chosen: Scored[]): { facts: Fact[]; lead: number } {
  const lead = chosen.filter((s) => s.score >= chosen[0].score - TUNING.answerTogetherWithin).length
  const facts = chosen.map((s) => kb.facts[s.id])
  const before = antecedentOf(kb, chosen[0].id)
  if (before === undefined) return { facts, lead }
  const rest = chosen.slice(1).filter((s) => s.id !== before)
  const restLead = rest.filter((s) => s.score >= chosen[0].score - TUNING.answerTogetherWithin).length
  const others = rest.map((s) => kb.facts[s.id])
  const prev = kb.facts[before]
  const first = facts[0]
  // Within one paragraph the two sentences are quoted together, as they stand in the article.
  const together = `${prev.text} ${first.text}`
  if (prev.paragraph === first.paragraph && prev.id === first.id - 1 && kb.flags[first.id] & FLAG.joined)
    return { facts: [{ ...first, text: together }, ...others], lead: 1 + restLead }
  const all = [prev, first, ...others].slice(0, MAX_CITATIONS)
  return { facts: all, lead: Math.min(all.length, 2 + restLead) }
}

/** Answers one question from the knowledge base. Pure: same question, same knowledge, same answer. */
export function draftAnswer(kb: KnowledgeBase, raw: string, article?: string): Draft {
  const problem = validate(raw) ?? (article !== undefined && !kb.articles.has(article) ? `I know no article "${article}"` : undefined)
  if (problem) return invalid(problem)
  // One article picked (Discord's article option, Slack's in:, the CLI's --article): only its facts answer.
  const question = { ...parseQuestion(kb, raw.trim()), ...(article !== undefined ? { article } : {}) }
  const field = askedField(question.folded)
  if (field) return { ...answerAboutArticle(kb, field), question }
  if (question.type === 'overview') {
    const o = overview(kb, article)
    return { ...o, facts: [], question }
  }
  const ranked = rankFacts(kb, question)
  const best = ranked[0]
  if (!best || best.score < TUNING.answerThreshold) {
    const trap = best && findTrap(kb, question, best.id)
    if (trap?.kind === 'unknown-name') return { ...declineTrap(kb, question, ranked, trap, kb.facts[best.id]), question }
    return { ...notFound(kb, ranked), question }
  }
  const trap = findTrap(kb, question, best.id)
  if (trap) return { ...declineTrap(kb, question, ranked, trap, kb.facts[best.id]), question }
  const chosen = pickCitations(kb, ranked)
  const { facts, lead } = answerFacts(kb, chosen)
  return {
    status: 'answered',
    text: compose(kb, facts, lead),
    citations: facts.map((f) => citationOf(kb, f)),
    facts,
    question,
  }
}
