import type { Explainer } from '../core/explainer.js'
import type { CitedSentence } from './report-data.js'

/**
 * What an answer quoted, found again from its refs. The store keeps refs (`slug#p7`), not quotes:
 * a quote is the article's text, and the article is already on disk. A ref names a paragraph, so
 * the question is asked again first: when today's answer cites the same paragraph, its quote is
 * the exact sentence the member saw. Otherwise the whole paragraph stands in (an answer given in a
 * thread may have leaned on earlier turns), and a ref whose article or paragraph is gone says so
 * by having no text.
 */
export function citedSentences(explainer: Explainer | undefined, question: string | null, refs: readonly string[]): CitedSentence[] {
  if (!explainer) return refs.map((ref) => ({ ref }))
  const kb = explainer.knowledge
  const again = question ? explainer.ask(question).citations : []
  return refs.map((ref) => {
    const m = ref.match(/^(.*)#p(\d+)$/)
    const info = m ? kb.articles.get(m[1]) : undefined
    if (!m || !info) return { ref }
    const same = again.filter((c) => c.ref === ref).map((c) => c.quote)
    const range = kb.factRanges.get(m[1])
    const paragraph: string[] = []
    if (!same.length && range) for (let id = range.start; id < range.end; id++) if (kb.facts[id].paragraph === Number(m[2])) paragraph.push(kb.facts[id].text)
    const text = (same.length ? same : paragraph).join(' ')
    return text ? { ref, article: info.title, text } : { ref, article: info.title }
  })
}
