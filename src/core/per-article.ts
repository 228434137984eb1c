import type { KnowledgeBase } from './knowledge-base.js'

/**
 * Something worked out once per article of a knowledge base and kept while that knowledge base
 * lives: a reload (live knowledge) makes a new knowledge base, and the old one's entries go with it.
 */
export function perArticleOf<T>(make: (kb: KnowledgeBase, slug: string) => T): (kb: KnowledgeBase, slug: string) => T {
  const kept = new WeakMap<KnowledgeBase, Map<string, T>>()
  return (kb, slug) => {
    let bySlug = kept.get(kb)
    if (!bySlug) {
      bySlug = new Map()
      kept.set(kb, bySlug)
    }
    if (bySlug.has(slug)) return bySlug.get(slug) as T
    const value = make(kb, slug)
    bySlug.set(slug, value)
    return value
  }
}
