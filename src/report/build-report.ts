import type { Explainer } from '../core/explainer.js'
import { DAY_MS } from '../core/time.js'
import type { ReportRows } from '../store/report-queries.js'
import { groupQuestions } from './group-questions.js'
import type { Counts, Report, Share } from './report-data.js'
import { suggestAliases } from './suggestions.js'
import { groupVotedDown } from './voted-down.js'

export type BuildOptions = {
  since: number
  now: number
  /** The articles, to quote what voted-down answers cited and to find near-miss words; without them the report says so. */
  explainer?: Explainer
  /** Where an article's aliases file is, by slug (for the suggested lines). */
  aliasFileOf?: (slug: string) => string
  /** Lines about what the report could not do, from the caller (no store yet). */
  notes?: string[]
  /** Why there is no `explainer`, said in a note when the report had sentences to quote or words to check. */
  whyNoArticles?: string
}

/** An empty store reads as no rows at all: a report of nothing, with its note. */
export const NO_ROWS: ReportRows = {
  totals: { questions: 0, answered: 0, invalid: 0, members: 0, up: 0, down: 0, first: null },
  days: [],
  articles: [],
  unanswered: [],
  votedDown: [],
}

/** The report's data from the store's rows: counts turned into shares, days filled in, questions grouped, sentences looked up. */
export function buildReport(rows: ReportRows, options: BuildOptions): Report {
  const { since, now, explainer } = options
  const notes = [...(options.notes ?? [])]
  const asked = rows.unanswered.filter((r): r is typeof r & { question: string } => r.question !== null)
  if (!explainer && (asked.length || rows.votedDown.length))
    notes.push(options.whyNoArticles ?? 'no articles loaded: cited sentences and suggestions need them (--knowledge DIR)')
  return {
    since: new Date(since).toISOString(),
    until: new Date(now).toISOString(),
    totals: { ...counts(rows.totals), members: rows.totals.members, votes: { up: rows.totals.up, down: rows.totals.down } },
    days: fillDays(rows, since, now),
    articles: rows.articles
      .map((a) => ({ article: a.article, ...counts(a) }))
      .sort((a, b) => b.questions - a.questions || (a.article ?? '\uffff').localeCompare(b.article ?? '\uffff')),
    unanswered: groupQuestions(asked),
    unansweredWithoutText: rows.unanswered.length - asked.length,
    votedDown: groupVotedDown(rows.votedDown, explainer),
    suggestions: explainer
      ? suggestAliases(
          explainer.knowledge,
          asked.map((a) => a.question),
          { aliasFileOf: options.aliasFileOf ?? ((slug) => `knowledge/${slug}/aliases.txt`) },
        )
      : [],
    notes,
  }
}

function share(answered: number, of: number): Share {
  return of > 0 ? answered / of : null
}

function counts(c: { questions: number; answered: number; invalid: number }): Counts {
  const notFound = c.questions - c.answered - c.invalid
  return { questions: c.questions, answered: c.answered, notFound, invalid: c.invalid, answeredShare: share(c.answered, c.questions - c.invalid) }
}

/**
 * Every UTC day from the first one with a question (or the start of the period, if later) to
 * today, quiet days included: a chart with the gaps closed up would hide them.
 */
function fillDays(rows: ReportRows, since: number, now: number): Report['days'] {
  if (rows.totals.first === null) return []
  const byDay = new Map(rows.days.map((d) => [d.day, d]))
  const out: Report['days'] = []
  const first = Math.floor(Math.max(since, rows.totals.first) / DAY_MS)
  const last = Math.floor(now / DAY_MS)
  for (let day = first; day <= last; day++) {
    const d = byDay.get(day) ?? { questions: 0, answered: 0, invalid: 0 }
    out.push({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), ...counts(d) })
  }
  return out
}
