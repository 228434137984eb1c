import type { CategoryScore, EvalReport, EvalResult } from '../../core/evaluate.js'

const HEADER = ['category', 'answerable', 'answered right', 'unanswerable', 'abstained right']

/** "40 (73%)", or "—" when the category has no such questions: 0% of nothing is not a score. */
function share(right: number, of: number): string {
  return of ? `${right} (${Math.round((100 * right) / of)}%)` : '—'
}

function row(s: CategoryScore, name = s.cat): string[] {
  return [name, String(s.answerable), share(s.answeredRight, s.answerable), String(s.unanswerable), share(s.abstainedRight, s.unanswerable)]
}

/** Columns sized to their widest cell; the name column left-aligned, numbers right-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)))
  return rows.map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n')
}

/** The score table by category, the total last so `| tail -n 1` gives the headline figure. */
export function formatEvalTable(report: EvalReport): string {
  const rule = HEADER.map((h) => '-'.repeat(h.length))
  return `${table([HEADER, ...report.byCategory.map((s) => row(s)), rule, row(report.total, 'total')])}\n`
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)

/** One line per wrong result: what was asked, what came back. */
export function formatMisses(results: readonly EvalResult[]): string {
  const misses = results.filter((r) => !r.right)
  if (!misses.length) return 'No misses.\n\n'
  const lines = misses.map((r) => {
    const wanted = r.question.expect === 'abstain' ? 'should abstain' : `wants ${r.question.any?.map((s) => JSON.stringify(s)).join(' or ')}`
    return `✗ [${r.question.cat}] ${r.question.q} (${wanted})\n    ${r.answer.status}: ${clip(r.answer.text.replace(/\s+/g, ' '), 100)}`
  })
  return `Misses (${misses.length}):\n${lines.join('\n')}\n\n`
}

/** One row of `explainer eval FOLDER`: a set's (or a group's) totals and the floor it is held to. */
export type SetRow = { name: string; total: CategoryScore; floor?: { answered: number; declined: number }; failed: boolean }

/** "53/55 (96.4%)", or "—" when the set has no such questions. */
function fraction(right: number, of: number): string {
  return of ? `${right}/${of} (${((100 * right) / of).toFixed(1)}%)` : '—'
}

/** The table `npm run eval` prints: every set, each group's total, and the floors. */
export function formatSetsTable(rows: readonly SetRow[]): string {
  const header = ['set', 'answered right', 'declined right', 'floor', '']
  const body = rows.map((r) => [
    r.name,
    fraction(r.total.answeredRight, r.total.answerable),
    fraction(r.total.abstainedRight, r.total.unanswerable),
    r.floor ? `${r.floor.answered}% / ${r.floor.declined}%` : '—',
    r.floor ? (r.failed ? 'BELOW' : 'ok') : '',
  ])
  return `${table([header, header.map((h) => '-'.repeat(h.length)), ...body]).replace(/ +$/gm, '')}\n`
}
