import { citationOf } from '../cite.js'
import type { KnowledgeBase } from '../knowledge-base.js'
import type { Citation, Fact } from '../types.js'

/**
 * The sentences a view reads: one article's, in article order, without teasers for other articles
 * (not this article's reporting) and without word-for-word repeats (a headline printed twice).
 */
export function viewFacts(kb: KnowledgeBase, slug: string): Fact[] {
  const range = kb.factRanges.get(slug)
  if (!range) return []
  const out: Fact[] = []
  for (let id = range.start; id < range.end; id++) {
    const f = kb.facts[id]
    if (f.kind !== 'related' && !kb.duplicates.has(id)) out.push(f)
  }
  return out
}

/** Citations of distinct facts, in article order. */
export function citeAll(kb: KnowledgeBase, facts: readonly Fact[]): Citation[] {
  const seen = new Set<number>()
  return facts
    .filter((f) => !seen.has(f.id) && seen.add(f.id))
    .sort((a, b) => a.id - b.id)
    .map((f) => citationOf(kb, f))
}

/** A headline in Title Case capitalises every word, so its words say nothing about what is a name. */
export function isTitleCase(text: string): boolean {
  const ws = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3)
  return ws.length >= 3 && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length > 0.7
}
