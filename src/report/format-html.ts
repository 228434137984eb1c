import { num, plural } from '../plural.js'
import { chartSvg } from './chart-svg.js'
import { percent, period, summary } from './format-text.js'
import type { Counts, Report, Suggestion, VotedDownAnswer } from './report-data.js'

/**
 * The report as one self-contained page (`--html FILE`): inline CSS and SVG, no script at all, and
 * a Content-Security-Policy that forbids any, so a question a member typed cannot run in the
 * editor's browser even if escaping were ever missed. Opened from disk, it needs no server.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c])

const CSS = `
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330;background:#fff}
h1{font-size:1.4rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #dde;padding-bottom:.2rem}
.lead{color:#445;margin-top:0}.note{background:#fff6d6;padding:.4rem .6rem;border-radius:4px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}.muted{color:#667;font-size:.9em}code{background:#f3f4f8;padding:.1rem .3rem;border-radius:3px}
blockquote{margin:.2rem 0 .4rem;padding-left:.7rem;border-left:3px solid #ccd;color:#333}
.chart .bar-answered{fill:#2c6bed}.chart .bar-other{fill:#c9d6f2}.chart .grid{stroke:#eef}.chart .base{stroke:#99a}
.chart .axis{font-size:11px;fill:#667}.chart polyline.share{fill:none;stroke:#e0662a;stroke-width:2}.chart circle.share{fill:#e0662a}
.key span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em;vertical-align:-.05em}`

/** A page an editor reads, not an archive: the top of each list (most asked, most voted down); --json has every row. */
const SHOWN = 200
const more = (n: number) => (n > SHOWN ? `<p class="muted">…and ${num(n - SHOWN)} more: <code>explainer report --json</code> lists them all.</p>` : '')

const cell = (c: Counts) => `<td class="n">${num(c.questions)}</td><td class="n">${num(c.answered)} (${percent(c.answeredShare)})</td>`

function daysSection(r: Report): string {
  const key = `<p class="key muted"><span style="background:#2c6bed"></span>answered<span style="background:#c9d6f2"></span>not answered<span style="background:#e0662a"></span>share answered (right-hand scale)</p>`
  const rows = r.days.map((d) => `<tr><td>${d.date}</td>${cell(d)}</tr>`).join('')
  return `<h2>Questions per day (UTC)</h2>${chartSvg(r.days)}${key}<details><summary>The figures</summary><table><tr><th>date</th><th class="n">questions</th><th class="n">answered</th></tr>${rows}</table></details>`
}

function articlesSection(r: Report): string {
  const rows = r.articles
    .map((a) => `<tr><td>${a.article === null ? '<span class="muted">(none cited)</span>' : escapeHtml(a.article)}</td>${cell(a)}</tr>`)
    .join('')
  return `<h2>Questions per article</h2><p class="muted">By the article an answer cited first.</p><table><tr><th>article</th><th class="n">questions</th><th class="n">answered</th></tr>${rows}</table>`
}

function unansweredSection(r: Report): string {
  if (!r.unanswered.length && !r.unansweredWithoutText) return ''
  const rows = r.unanswered
    .slice(0, SHOWN)
    .map((g) => {
      const also = g.alsoTyped.length ? `<div class="muted">also typed: ${g.alsoTyped.map((t) => `“${escapeHtml(t)}”`).join(', ')}</div>` : ''
      return `<tr><td class="n">${num(g.count)}×</td><td>${escapeHtml(g.question)}${also}</td><td class="n">${g.members ? num(g.members) : '—'}</td><td class="n">${g.lastAskedAt.slice(0, 10)}</td></tr>`
    })
    .join('')
  const without = r.unansweredWithoutText
    ? `<p class="muted">${plural(r.unansweredWithoutText, 'question')} without text (asked while QUESTION_LOG=off).</p>`
    : ''
  return `<h2>Unanswered questions</h2><p class="muted">The same question typed differently counts once.</p><table class="unanswered"><tr><th class="n">asked</th><th>question</th><th class="n">members</th><th class="n">last</th></tr>${rows}</table>${more(r.unanswered.length)}${without}`
}

function votedDownItem(v: VotedDownAnswer): string {
  const q = v.question === null ? '<span class="muted">(question not kept: QUESTION_LOG=off)</span>' : `“${escapeHtml(v.question)}”`
  const status = v.status === 'answered' ? '' : ` <span class="muted">(${escapeHtml(v.status.replace('_', ' '))})</span>`
  const cited = v.cited.length
    ? v.cited
        .map(
          (c) =>
            `<div class="muted">${escapeHtml(c.ref)}${c.article ? `, ${escapeHtml(c.article)}` : ''}</div>${c.text ? `<blockquote>${escapeHtml(c.text)}</blockquote>` : '<div class="muted">(no longer in the articles)</div>'}`,
        )
        .join('')
    : '<div class="muted">cited nothing</div>'
  const times = v.answers > 1 ? ` over ${num(v.answers)} answers` : ''
  return `<li><strong>${num(v.down)} down 👎, ${num(v.up)} up 👍</strong>${times} ${q}${status}${cited}</li>`
}

function suggestionItem(s: Suggestion): string {
  const asked = `${plural(s.questions, 'unanswered question')}, e.g. “${escapeHtml(s.example)}”`
  return s.kind === 'alias'
    ? `<li>Add to <code>${escapeHtml(s.file)}</code>: <code>${escapeHtml(s.line)}</code> <span class="muted">(${asked})</span></li>`
    : `<li>No article has the word “${escapeHtml(s.word)}” <span class="muted">(${asked})</span>: cover it, or alias it to the word the article uses.</li>`
}

export function formatHtml(r: Report): string {
  const body = r.totals.questions
    ? [
        daysSection(r),
        articlesSection(r),
        unansweredSection(r),
        r.votedDown.length ? `<h2>Answers voted down</h2><ul>${r.votedDown.slice(0, SHOWN).map(votedDownItem).join('')}</ul>${more(r.votedDown.length)}` : '',
        r.suggestions.length ? `<h2>Suggestions</h2><ul>${r.suggestions.map(suggestionItem).join('')}</ul>` : '',
      ].join('')
    : ''
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Explainer report, ${period(r)}</title><style>${CSS}</style></head>
<body><h1>Explainer report</h1><p class="lead">${period(r)}</p><p>${escapeHtml(summary(r))}</p>${r.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}${body}</body></html>
`
}
