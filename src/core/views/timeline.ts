import type { KnowledgeBase } from '../knowledge-base.js'
import type { Fact } from '../types.js'
import { findDates, parsePublished } from './dates.js'
import { citeAll, isTitleCase } from './source.js'
import type { TimelineItem } from './types.js'

/**
 * The timeline: each sentence that dates something, by its first date, in time order. A date
 * that cannot be placed (a relative one with no published date, "in May" with no year) keeps its
 * place in the article: it sorts with the dated sentence before it, so the story's own order
 * stands wherever the dates run out. A photo caption's date stays a caption's: its citation says so.
 */
export function timelineView(kb: KnowledgeBase, slug: string, facts: readonly Fact[]): TimelineItem[] {
  const published = parsePublished(kb.articles.get(slug)?.published)
  const dated: { item: TimelineItem; key?: number; order: number }[] = []
  for (const fact of facts) {
    if (fact.kind === 'headline' && isTitleCase(fact.text)) continue
    const found = findDates(fact.text, published)
    const first = found.find((d) => d.key !== undefined) ?? found[0]
    if (!first) continue
    dated.push({
      item: { when: first.when, ...(first.date ? { date: first.date } : {}), text: fact.text, citations: citeAll(kb, [fact]) },
      ...(first.key !== undefined ? { key: first.key } : {}),
      order: dated.length,
    })
  }
  let carried = Number.NEGATIVE_INFINITY
  const placed = dated.map((d) => {
    if (d.key !== undefined) carried = d.key
    return { ...d, at: d.key ?? carried }
  })
  return placed.sort((a, b) => a.at - b.at || a.order - b.order).map((d) => d.item)
}
