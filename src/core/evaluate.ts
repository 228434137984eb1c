import { fold } from './normalize.js'
import type { Answer } from './types.js'

/** One line of a question file (shared/eval/*.json). */
export type EvalQuestion = { cat: string; q: string; any?: string[]; expect?: 'abstain' }

export type EvalResult = { question: EvalQuestion; answer: Answer; right: boolean }

export type CategoryScore = { cat: string; answerable: number; answeredRight: number; unanswerable: number; abstainedRight: number }

export type EvalReport = { results: EvalResult[]; byCategory: CategoryScore[]; total: CategoryScore }

/** Case, accents, quote marks and spacing do not decide whether an answer matches. */
function matchable(text: string): string {
  return fold(text).replace(/["'`]/g, '').replace(/\s+/g, ' ')
}

/** Right when the answer's text or its first three citations hold one of the expected strings. */
export function isRight(q: EvalQuestion, answer: Answer): boolean {
  if (q.expect === 'abstain') return answer.status !== 'answered'
  if (answer.status !== 'answered') return false
  const hay = matchable([answer.text, ...answer.citations.slice(0, 3).map((c) => c.quote)].join('\n'))
  return (q.any ?? []).some((s) => hay.includes(matchable(s)))
}

/** A file of single questions (conversations are refused: they need `parseEvalFile`). */
export function parseQuestionFile(json: string): EvalQuestion[] {
  const file = parseEvalFile(json)
  if (file.kind !== 'questions') throw new Error('this is a conversations file, not a question file')
  return file.questions
}

/** A short conversation (shared/eval/conversations.json): each later turn leans on the earlier ones. */
export type EvalConversation = { id: string; turns: EvalQuestion[] }

/** What an eval file holds: single questions, or conversations scored turn by turn. */
export type EvalFile = { kind: 'questions'; questions: EvalQuestion[] } | { kind: 'conversations'; conversations: EvalConversation[] }

function parseQuestion(x: unknown, where: string, cat?: string): EvalQuestion {
  const o = x as Record<string, unknown> | null
  const ok = o && typeof o === 'object' && typeof o.q === 'string' && (Array.isArray(o.any) || o.expect === 'abstain')
  if (!ok) throw new Error(`${where} needs "q" and either "any": [...] or "expect": "abstain"`)
  const category = cat ?? (typeof o.cat === 'string' ? o.cat : 'uncategorised')
  return { cat: category, q: o.q as string, ...(Array.isArray(o.any) ? { any: o.any.map(String) } : { expect: 'abstain' as const }) }
}

/** A question file, or a conversations file (an array of {"id", "turns": [...]}), told apart by shape. */
export function parseEvalFile(json: string): EvalFile {
  const data: unknown = JSON.parse(json)
  if (!Array.isArray(data)) throw new Error('an eval file is a JSON array of questions {"cat", "q", "any" | "expect"} or of conversations {"id", "turns"}')
  if (data.length && data.every((x) => x && typeof x === 'object' && Array.isArray((x as { turns?: unknown }).turns))) {
    const conversations = data.map((x: { id?: unknown; turns: unknown[] }, i) => {
      const id = typeof x.id === 'string' ? x.id : `conversation ${i + 1}`
      // The first turn stands alone; the later ones are what context is for, scored apart.
      return { id, turns: x.turns.map((t, j) => parseQuestion(t, `${id}, turn ${j + 1},`, j === 0 ? 'opening' : 'follow-up')) }
    })
    return { kind: 'conversations', conversations }
  }
  return { kind: 'questions', questions: data.map((x, i) => parseQuestion(x, `question ${i + 1}`)) }
}

/**
 * Scores conversations turn by turn. `newThread` starts one conversation and returns how to ask
 * within it, so the asker keeps that conversation's earlier turns as its context.
 */
export function evaluateConversations(conversations: EvalConversation[], newThread: () => (q: string) => Answer): EvalReport {
  const results: EvalResult[] = []
  for (const c of conversations) {
    const ask = newThread()
    for (const question of c.turns) {
      const answer = ask(question.q)
      results.push({ question, answer, right: isRight(question, answer) })
    }
  }
  return summarise(results)
}

export function evaluate(questions: EvalQuestion[], ask: (q: string) => Answer): EvalReport {
  return summarise(
    questions.map((question) => {
      const answer = ask(question.q)
      return { question, answer, right: isRight(question, answer) }
    }),
  )
}

function summarise(results: EvalResult[]): EvalReport {
  const cats = new Map<string, CategoryScore>()
  const total: CategoryScore = { cat: 'all', answerable: 0, answeredRight: 0, unanswerable: 0, abstainedRight: 0 }
  for (const r of results) {
    const c = cats.get(r.question.cat) ?? { cat: r.question.cat, answerable: 0, answeredRight: 0, unanswerable: 0, abstainedRight: 0 }
    cats.set(r.question.cat, c)
    for (const s of [c, total]) {
      if (r.question.expect === 'abstain') {
        s.unanswerable++
        if (r.right) s.abstainedRight++
      } else {
        s.answerable++
        if (r.right) s.answeredRight++
      }
    }
  }
  return { results, byCategory: [...cats.values()], total }
}
