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

export function parseQuestionFile(json: string): EvalQuestion[] {
  const data: unknown = JSON.parse(json)
  if (!Array.isArray(data)) throw new Error('a question file is a JSON array of {"cat", "q", "any" | "expect"}')
  return data.map((x, i) => {
    const ok = x && typeof x === 'object' && typeof x.q === 'string' && (Array.isArray(x.any) || x.expect === 'abstain')
    if (!ok) throw new Error(`question ${i + 1} needs "q" and either "any": [...] or "expect": "abstain"`)
    return { cat: typeof x.cat === 'string' ? x.cat : 'uncategorised', q: x.q, ...(x.any ? { any: x.any.map(String) } : { expect: 'abstain' as const }) }
  })
}

export function evaluate(questions: EvalQuestion[], ask: (q: string) => Answer): EvalReport {
  const results = questions.map((question) => {
    const answer = ask(question.q)
    return { question, answer, right: isRight(question, answer) }
  })
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
