import { trimTo } from './trim.js'

/**
 * Escaped text of at most `max` characters, for any platform's markup. The raw text is cut before
 * it is escaped, never after: a cut must not fall inside an escape (`&amp;`, `\*`). Escaping
 * lengthens text by an amount that depends on where the cut falls, so the longest raw cut that
 * still fits is found by bisection (about a dozen escapes, and only when the first cut is over).
 */
export function fitEscaped(raw: string, max: number, escapeText: (text: string) => string): string {
  // Most text needs no escaping worth speaking of: the longest cut that could fit is tried first.
  const first = escapeText(trimTo(raw, max))
  if (first.length <= max) return first
  let best = ''
  let lo = 0
  let hi = Math.min(max, raw.length) - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const out = escapeText(trimTo(raw, mid))
    if (out.length <= max) {
      best = out
      lo = mid + 1
    } else hi = mid - 1
  }
  return best
}

/** The same on one line: text quoted inline must not break the block or field it stands in. */
export function fitInline(raw: string, max: number, escapeText: (text: string) => string): string {
  return fitEscaped(raw.replace(/\s+/g, ' ').trim(), max, escapeText)
}
