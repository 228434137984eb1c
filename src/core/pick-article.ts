import type { ArticleInfo } from './compile-article.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { words } from './normalize.js'

/**
 * The articles a person means by what they typed: its slug, or words of its title in any order
 * ("harbour wall" for "The Harbour Wall"), the last word possibly cut short as they type. Used by
 * Discord's autocomplete, Slack's `in:` and anything else that picks an article by name.
 */
export function articlesMatching(kb: KnowledgeBase, typed: string, limit = 25): ArticleInfo[] {
  const wanted = words(typed)
  const exact = kb.articles.get(typed.trim().toLowerCase())
  if (exact) return [exact]
  const out: ArticleInfo[] = []
  for (const info of kb.articles.values()) {
    const have = [...words(info.title), ...info.slug.split('-')]
    const fits = wanted.every((w, i) => have.some((h) => (i === wanted.length - 1 ? h.startsWith(w) : h === w)))
    if (fits) out.push(info)
    if (out.length >= limit) break
  }
  return out
}

/** `in:<slug>` or `in:"title words"` at the start of a question: the article picked, and the question left. */
export function splitPick(text: string): { pick?: string; question: string } {
  const m = text.match(/^\s*in:\s*(?:"([^"]+)"|“([^”]+)”|(\S+))\s*(.*)$/is)
  if (!m) return { question: text }
  return { pick: (m[1] ?? m[2] ?? m[3] ?? '').trim(), question: (m[4] ?? '').trim() }
}
