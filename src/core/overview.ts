import { citationOf, framed } from './cite.js'
import type { KnowledgeBase } from './knowledge-base.js'
import type { Answer, Fact } from './types.js'

/**
 * The lead of each article: its standfirst if it has one, then the opening sentences of its first
 * paragraphs. News is written with the most important facts first, so the lead is the summary the
 * writer intended; nothing is paraphrased.
 */
export function leadFacts(kb: KnowledgeBase, slug: string, count: number): Fact[] {
  const facts = kb.facts.filter((f) => f.article === slug && !kb.duplicates.has(f.id))
  const title = kb.articles.get(slug)?.title
  const standfirst = facts.filter((f) => f.kind === 'headline' && f.text !== title).slice(0, 1)
  const openers = facts.filter((f) => f.kind !== 'caption' && f.kind !== 'related' && f.kind !== 'headline' && f.position === 0)
  return [...standfirst, ...openers].slice(0, count)
}

export function overview(kb: KnowledgeBase, slug?: string): Omit<Answer, 'followUps'> {
  const slugs = slug ? [slug] : [...kb.articles.keys()]
  const perArticle = slugs.length === 1 ? 3 : 1
  const facts = slugs.slice(0, 3).flatMap((s) => leadFacts(kb, s, perArticle))
  const intro = slugs.length > 1 ? `I know ${slugs.length} articles. ` : ''
  return {
    status: 'answered',
    text: intro + facts.map((f, i) => framed(f, `[${i + 1}]`)).join(' '),
    citations: facts.map((f) => citationOf(kb, f)),
  }
}
