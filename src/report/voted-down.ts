import type { Explainer } from '../core/explainer.js'
import type { VotedDownRow } from '../store/report-queries.js'
import { citedSentences } from './cited-sentences.js'
import { questionKey } from './group-questions.js'
import type { VotedDownAnswer } from './report-data.js'

/**
 * Answers voted down, one entry per answer: the same question typed differently and answered with
 * the same citations is one answer, its votes added up, so a popular wrong answer leads the list
 * instead of being spread over a hundred lines. With QUESTION_LOG=off there is no text to group
 * by, and the citations alone make the answer.
 */
export function groupVotedDown(rows: readonly VotedDownRow[], explainer: Explainer | undefined): VotedDownAnswer[] {
  const groups = new Map<string, { rows: VotedDownRow[]; typings: Map<string, number> }>()
  for (const r of rows) {
    const key = `${r.question === null ? '' : questionKey(r.question)}\u0000${r.status}\u0000${r.refs.join(' ')}`
    const g = groups.get(key) ?? { rows: [] as VotedDownRow[], typings: new Map<string, number>() }
    g.rows.push(r)
    if (r.question !== null) g.typings.set(r.question, (g.typings.get(r.question) ?? 0) + 1)
    groups.set(key, g)
  }
  return [...groups.values()]
    .map(({ rows: [first, ...rest], typings }) => {
      const all = [first, ...rest]
      // The way it was typed most often; the earliest of equals (Map keeps the order first seen).
      const question = [...typings].sort(([, a], [, b]) => b - a)[0]?.[0] ?? null
      return {
        question,
        status: first.status,
        answers: all.length,
        up: all.reduce((n, r) => n + r.up, 0),
        down: all.reduce((n, r) => n + r.down, 0),
        cited: citedSentences(explainer, question, first.refs),
      }
    })
    .sort((a, b) => b.down - a.down || a.up - b.up || b.answers - a.answers || (a.question ?? '').localeCompare(b.question ?? ''))
}
