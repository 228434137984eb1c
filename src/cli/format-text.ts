import { paragraphLabel } from '../core/cite.js'
import type { Answer, Citation, FactKind, SourceInfo } from '../core/types.js'

/**
 * What a citation is when it is not the article's own reporting, or a label worth showing. A
 * caption or a teaser for another article must say so wherever it is quoted (DESIGN.md).
 */
const KIND_LABELS: Partial<Record<FactKind, string>> = {
  caption: 'photo caption',
  related: "related headline (not this article's reporting)",
  headline: 'headline',
}

export type FormatOptions = {
  /** Name the article in each citation: worth it only when more than one is known. */
  showArticle?: boolean
}

/** `[1] "quote" — ¶7 · Section · photo caption · said by Name` */
export function formatCitation(citation: Citation, n: number, options: FormatOptions = {}): string {
  const where = [
    options.showArticle ? citation.article : undefined,
    paragraphLabel(citation.ref),
    citation.section,
    KIND_LABELS[citation.kind],
    citation.speaker ? `said by ${citation.speaker}` : undefined,
  ].filter((part): part is string => !!part)
  return `[${n}] "${citation.quote}" — ${where.join(' · ')}`
}

/** The whole answer as plain text: the answer, its numbered sources, then what to ask next. */
export function formatAnswer(answer: Answer, options: FormatOptions = {}): string {
  const parts = [answer.text]
  if (answer.citations.length) parts.push(answer.citations.map((c, i) => formatCitation(c, i + 1, options)).join('\n'))
  if (answer.followUps.length) parts.push(`You could also ask: ${answer.followUps.join(' · ')}`)
  return `${parts.join('\n\n')}\n`
}

/** One line per article known, for `sources`. */
export function formatSources(sources: readonly SourceInfo[]): string {
  const lines = sources.map((s) => {
    const about = [s.outlet, s.published].filter(Boolean).join(', ')
    const facts = `${s.facts.toLocaleString('en-US')} sentences`
    return `- ${s.title}${about ? ` (${about})` : ''}: ${facts}${s.url ? ` · ${s.url}` : ''}`
  })
  const heading = sources.length === 1 ? 'I answer from one article:' : `I answer from ${sources.length} articles:`
  return `${heading}\n${lines.join('\n')}\n`
}
