import { num, plural } from '../plural.js'
import type { Counts, Report, Suggestion, VotedDownAnswer } from './report-data.js'

/** The terminal shows the top of each list; --json gives every row (--html the top 200). */
const SHOWN = { unanswered: 20, votedDown: 10 } as const
const CLIP = 120

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g

/**
 * Members typed these questions: an ANSI escape must not reach the editor's terminal and repaint
 * it, nor a bidirectional override turn the rest of the line around. Escape sequences go, every
 * other control character becomes a space, and a long question is clipped.
 */
export function plain(text: string, max = CLIP): string {
  const clean = text.replace(ESCAPE_SEQUENCE, '').replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim()
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

export const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(100 * share)}%`)
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`

/** Columns sized to their widest cell; the first left-aligned, the rest right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)))
  return rows.map((r) =>
    r
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join('  ')
      .trimEnd(),
  )
}

const answeredCell = (c: Counts) => `${num(c.answered)} (${percent(c.answeredShare)})`

/** The period and the one line that sums it up: the text report's first lines and the page's lead. */
export const period = (r: Report): string => `${when(r.since)} to ${when(r.until)} UTC`

export function summary(r: Report): string {
  const t = r.totals
  const who = t.members ? ` from ${plural(t.members, 'member')}` : ''
  return `${plural(t.questions, 'question')}${who}: ${num(t.answered)} answered (${percent(t.answeredShare)}), ${num(t.notFound)} not found, ${num(t.invalid)} invalid. Votes: ${num(t.votes.up)} up 👍, ${num(t.votes.down)} down 👎.`
}

function unanswered(r: Report): string[] {
  const asked = r.unanswered.reduce((n, g) => n + g.count, 0)
  if (!asked && !r.unansweredWithoutText) return []
  const out = ['', `Unanswered questions (${plural(asked, 'question')}, ${r.unanswered.length} different)`]
  const width = num(r.unanswered[0]?.count ?? 1).length
  for (const g of r.unanswered.slice(0, SHOWN.unanswered)) {
    const also = g.alsoTyped.length ? `also typed ${g.alsoTyped.map((t) => `"${plain(t, 40)}"`).join(', ')}` : ''
    const extra = [g.count > 1 && g.members ? plural(g.members, 'member') : '', also].filter(Boolean).join('; ')
    out.push(`  ${num(g.count).padStart(width)}×  ${plain(g.question)}${extra ? `  (${extra})` : ''}`)
  }
  if (r.unanswered.length > SHOWN.unanswered) out.push(`  …and ${r.unanswered.length - SHOWN.unanswered} more (--json lists them all)`)
  if (r.unansweredWithoutText) out.push(`  ${plural(r.unansweredWithoutText, 'question')} without text (asked while QUESTION_LOG=off)`)
  return out
}

function votedDownAnswer(v: VotedDownAnswer): string[] {
  const question = v.question === null ? '(question not kept: QUESTION_LOG=off)' : `"${plain(v.question)}"`
  const times = v.answers > 1 ? ` over ${num(v.answers)} answers` : ''
  const lines = [`  ${num(v.down)} down 👎, ${num(v.up)} up 👍${times}:  ${question}${v.status === 'answered' ? '' : ` (${v.status.replace('_', ' ')})`}`]
  if (!v.cited.length) lines.push('      cited nothing')
  for (const c of v.cited) lines.push(`      ${c.ref}: ${c.text ? `"${plain(c.text, 200)}"` : '(no longer in the articles)'}`)
  return lines
}

function suggestion(s: Suggestion): string {
  const asked = `${plural(s.questions, 'unanswered question')}, e.g. "${plain(s.example, 60)}"`
  return s.kind === 'alias'
    ? `  add to ${s.file}:  ${s.line}    (${asked})`
    : `  no article has the word "${s.word}" (${asked}): cover it, or alias it to the word the article uses`
}

/** The report for a terminal: the headline, the tables, then the lists an editor acts on. */
export function formatText(r: Report): string {
  const out = [`Explainer report, ${period(r)}`, summary(r)]
  for (const note of r.notes) out.push(`Note: ${note}`)
  if (!r.totals.questions) return `${out.join('\n')}\n`
  out.push('', 'Questions per day (UTC)', ...table([['date', 'questions', 'answered'], ...r.days.map((d) => [d.date, num(d.questions), answeredCell(d)])]))
  out.push(
    '',
    'Questions per article (the article an answer cited first)',
    ...table([['article', 'questions', 'answered'], ...r.articles.map((a) => [plain(a.article ?? '(none cited)', 60), num(a.questions), answeredCell(a)])]),
  )
  out.push(...unanswered(r))
  if (r.votedDown.length) {
    out.push('', `Answers voted down (${r.votedDown.length})`)
    for (const v of r.votedDown.slice(0, SHOWN.votedDown)) out.push(...votedDownAnswer(v))
    if (r.votedDown.length > SHOWN.votedDown) out.push(`  …and ${r.votedDown.length - SHOWN.votedDown} more (--json lists them all)`)
  }
  if (r.suggestions.length) out.push('', 'Suggestions', ...r.suggestions.map(suggestion))
  return `${out.join('\n')}\n`
}
