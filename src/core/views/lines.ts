import type { NumberItem, QuoteItem, TimelineItem, ViewItem, ViewName, WhoItem } from './types.js'

/**
 * One plain-text line per view item, the same on every surface (each adapter escapes it for its
 * markup): the item's own words, nothing added but punctuation and "(organization)".
 */

const TITLES: Record<ViewName, string> = { who: "Who's who", timeline: 'Timeline', numbers: 'Key numbers', quotes: 'Quotes' }

export function viewTitle(view: ViewName, name?: string): string {
  return view === 'quotes' && name ? `Quotes: ${name}` : view === 'who' && name ? `Who's who: ${name}` : TITLES[view]
}

export function viewLine(view: ViewName, item: ViewItem): string {
  switch (view) {
    case 'who': {
      const w = item as WhoItem
      return `${w.name}${w.kind === 'organization' ? ' (organization)' : ''}${w.role ? ` — ${w.role}` : ''}`
    }
    case 'timeline': {
      const t = item as TimelineItem
      return `${t.date && t.date !== t.when ? `${t.date} (${t.when})` : t.when}: ${t.text}`
    }
    case 'numbers': {
      const n = item as NumberItem
      return `${n.value} — ${n.what}`
    }
    case 'quotes': {
      const q = item as QuoteItem
      return `${q.speaker ?? 'Unattributed'}: “${q.quote}”`
    }
  }
}
