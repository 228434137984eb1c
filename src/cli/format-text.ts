import { citationLine, quoted, shownIn } from '../core/cite.js'
import type { Answer, Citation, SourceInfo } from '../core/types.js'
import { plural } from '../plural.js'

export type FormatOptions = {
  /** Name the article in each citation: worth it only when more than one is known. */
  showArticle?: boolean
  /** Wrap at word boundaries to this many columns (a terminal's width); unset, lines are not wrapped. */
  width?: number
  /** The url of a citation's article (front matter `url`): each citation then links to its sentence. */
  urlOf?: (citation: Citation) => string | undefined
}

export { quoted }

/**
 * `[1] ¶7 · Section · said by Name` when the answer's text already shows the sentence, else
 * `[1] “quote” — ¶7 · …`: each sentence is shown once.
 */
export function formatCitation(citation: Citation, n: number, options: FormatOptions = {}, shownInText = false): string {
  const url = options.urlOf?.(citation)
  const line = citationLine(citation, n, { showArticle: options.showArticle === true, shownInText, ...(url ? { url } : {}) })
  const where = line.link ? `${line.where} · ${line.link}` : line.where
  return line.quote === undefined ? `${line.number} ${where}` : `${line.number} ${quoted(line.quote)} — ${where}`
}

/**
 * Breaks a line at spaces so none is wider than `width`; a word longer than a line stays whole.
 * Continuation lines get `indent`, so a numbered citation keeps its number in the margin.
 */
export function wrapLine(line: string, width: number, indent = ''): string {
  if (line.length <= width) return line
  const lead = line.match(/^\s*/)?.[0] ?? ''
  const out: string[] = []
  let current = lead
  for (const word of line.slice(lead.length).split(' ')) {
    const next = current.trim() ? `${current} ${word}` : `${current}${word}`
    if (next.length > width && current.trim()) {
      out.push(current)
      current = `${indent}${word}`
    } else {
      current = next
    }
  }
  out.push(current)
  return out.join('\n')
}

/**
 * Wraps every line of a text to `width` at spaces. Continuation lines hang under the text of a
 * numbered line (`[1] …`, `  2. …`) or keep the line's own indent, so numbers stay in the margin.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const numbered = line.match(/^(\s*(?:\[\d+\]|\d+\.)\s)/)
      const indent = numbered ? ' '.repeat(Math.min(numbered[1].length, 8)) : (line.match(/^\s*/)?.[0] ?? '')
      return wrapLine(line, width, indent)
    })
    .join('\n')
}

/** The whole answer as plain text: the answer, where its quotes stand, then what to ask next. */
export function formatAnswer(answer: Answer, options: FormatOptions = {}): string {
  const parts = [answer.text]
  if (answer.citations.length) parts.push(answer.citations.map((c, i) => formatCitation(c, i + 1, options, shownIn(answer.text, c))).join('\n'))
  if (answer.followUps.length) parts.push(`You could also ask: ${answer.followUps.join(' · ')}`)
  const text = parts.join('\n\n')
  return `${options.width ? wrapText(text, options.width) : text}\n`
}

/** One line per article known, for `sources`. */
export function formatSources(sources: readonly SourceInfo[]): string {
  const lines = sources.map((s) => {
    const about = [s.outlet, s.published].filter(Boolean).join(', ')
    return `- ${s.title}${about ? ` (${about})` : ''}: ${plural(s.facts, 'sentence', 'sentences')}${s.url ? ` · ${s.url}` : ''}`
  })
  const heading = sources.length === 1 ? 'I answer from one article:' : `I answer from ${sources.length} articles:`
  return `${heading}\n${lines.join('\n')}\n`
}
