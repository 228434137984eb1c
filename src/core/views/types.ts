import type { Citation } from '../types.js'

/** The four explainer views (DESIGN.md, "Explainer views"): what `explainer who|timeline|numbers|quotes` prints. */
export type ViewName = 'who' | 'timeline' | 'numbers' | 'quotes'

export const VIEW_NAMES: readonly ViewName[] = ['who', 'timeline', 'numbers', 'quotes']

/** Someone or something the article names, with the role the article gives them, in order of first mention. */
export type WhoItem = {
  name: string
  role?: string
  kind: 'person' | 'organization'
  /** Other forms of the name the article uses ("López Obrador", "Obrador"), when there are any. */
  aliases?: string[]
  citations: Citation[]
}

/** A dated event: `when` as written, `date` (ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`) when it can be worked out. */
export type TimelineItem = {
  when: string
  date?: string
  text: string
  citations: Citation[]
}

/** A figure the article gives and what it counts, both in the article's words. */
export type NumberItem = {
  value: string
  what: string
  citations: Citation[]
}

/** A quotation and who said it; `speaker` is missing only when the article does not say. */
export type QuoteItem = {
  speaker?: string
  quote: string
  citations: Citation[]
}

export type ViewItem = WhoItem | TimelineItem | NumberItem | QuoteItem

export type ViewItems = {
  who: WhoItem[]
  timeline: TimelineItem[]
  numbers: NumberItem[]
  quotes: QuoteItem[]
}
