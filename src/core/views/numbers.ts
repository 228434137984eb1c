import type { KnowledgeBase } from '../knowledge-base.js'
import { STOP_WORDS } from '../normalize.js'
import type { Fact } from '../types.js'
import { findDates } from './dates.js'
import { citeAll, isTitleCase } from './source.js'
import type { NumberItem } from './types.js'

/**
 * Key numbers: each figure a sentence gives (a count, a share, an amount, a distance, "tens of
 * thousands") with what it counts, both cut from the sentence itself. Dates are the timeline's,
 * and a number that labels something ("Title 42", "Louis XIV") counts nothing.
 */

const WORD_NUMBER = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|dozens|hundreds|thousands|millions|billions|a dozen|a million|a billion|a thousand)`
const SCALE = String.raw`(?:\s+(?:hundred|thousand|million|billion|trillion))?(?:\s+(?:hundred|thousand|million|billion|trillion))?`
const UNIT = String.raw`(?:\s*(?:%|percent|per\s?cent))?`
const APPROX = String.raw`(?:(?:more than|less than|fewer than|over|under|nearly|almost|about|around|roughly|some|at least|up to|close to|approximately|an estimated)\s+)?`
const FIGURE = new RegExp(
  String.raw`\b${APPROX}(?:(?:US|A|C)?[$£€¥]\s?\d[\d,.]*${SCALE}|\d[\d,.]*(?:-(?:point|year|day|mile|kilometer|km|hour|member|page|week|month|fold))?${SCALE}${UNIT}|(?:tens|hundreds|thousands|millions) of (?:thousands|millions|billions)|${WORD_NUMBER}\b${SCALE}${UNIT})(?![\w-]*\d)(?!-\p{Lu})`,
  'giu',
)
/** Words that begin a clause or a new part of the sentence: what a figure counts stops before them. */
const CLAUSE = /^(?:who|which|that|whose|where|when|while|because|since|but|and|or|is|are|was|were|has|have|had|will|would|can|could|to|as|than|if)$/i
const MAX_WHAT = 8

/** The words after a figure that say what it counts: "flights per week", "apprehensions". */
function whatAfter(rest: string): string {
  const out: string[] = []
  for (const raw of rest.trim().split(/\s+/)) {
    if (out.length >= MAX_WHAT) break
    const w = raw.replace(/[,;:.!?)"”]+$/, '')
    if (!w || (out.length && CLAUSE.test(w)) || /^["“([\]]/.test(raw)) break
    out.push(w)
    if (w !== raw) break
  }
  while (out.length && STOP_WORDS.has(out[out.length - 1].toLowerCase())) out.pop()
  // "tens of thousands of Cubans" counts Cubans.
  if (out.length > 1 && out[0].toLowerCase() === 'of') out.shift()
  return out.join(' ')
}

/** Failing that, the words before it: "the price of oil had risen from" before "US$3". */
function whatBefore(before: string): string {
  const clause = before.split(/[,;:()"“”]/).at(-1) ?? ''
  const ws = clause.trim().split(/\s+/).filter(Boolean).slice(-MAX_WHAT)
  while (ws.length && STOP_WORDS.has(ws[0].toLowerCase())) ws.shift()
  return ws.join(' ')
}

export function numbersView(kb: KnowledgeBase, facts: readonly Fact[]): NumberItem[] {
  const items: NumberItem[] = []
  for (const fact of facts) {
    const text = fact.text
    if (fact.kind === 'headline' && isTitleCase(text)) continue
    const dates = findDates(text).map((d) => [d.index, d.index + d.when.length + 4] as const)
    for (const m of text.matchAll(FIGURE)) {
      const start = m.index ?? 0
      const value = m[0].trim()
      const before = text.slice(0, start)
      // A number after a capitalised word is a label ("Title 42"), and one inside a date is the timeline's.
      if (/\p{Lu}[\p{L}]*\s$/u.test(before) && /^\d/.test(value) && !/^(?:US|A|C)$/.test(before.trim().split(/\s+/).at(-1) ?? '')) continue
      if (dates.some(([a, b]) => start >= a && start < b)) continue
      if (/\p{L}-$/u.test(before)) continue
      if (/^\d+$/.test(value) && /^(?:st|nd|rd|th)\b/.test(text.slice(start + value.length))) continue
      const after = whatAfter(text.slice(start + m[0].length))
      const what = after && !/^(?:of|per)$/i.test(after) && !CLAUSE.test(after.split(' ')[0]) ? after : whatBefore(before)
      if (!what) continue
      items.push({ value, what, citations: citeAll(kb, [fact]) })
    }
  }
  return items
}
