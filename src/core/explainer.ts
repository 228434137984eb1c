import { type Draft, draftAnswer } from './answer.js'
import { candidateSuggestions, type Suggestion } from './follow-ups.js'
import { type BuildProgress, buildKnowledgeBase, type KnowledgeBase } from './knowledge-base.js'
import { words } from './normalize.js'
import type { Answer, Article, SourceInfo } from './types.js'

const FOLLOW_UPS = 3

/**
 * The one use case every adapter calls: ask a question, get an `Answer`. Also what the adapters
 * show around answers: the articles known (`sources`) and questions to offer (`suggest`).
 */
export type Explainer = {
  ask(question: string): Answer
  suggest(typed: string, limit?: number): string[]
  sources(): SourceInfo[]
  readonly knowledge: KnowledgeBase
}

export function createExplainer(articles: Article[], onProgress?: BuildProgress): Explainer {
  const kb = buildKnowledgeBase(articles, onProgress)
  const factCounts = new Map<string, number>()
  for (const f of kb.facts) factCounts.set(f.article, (factCounts.get(f.article) ?? 0) + 1)
  let verified: Suggestion[] | undefined

  // Built on first use: each candidate is asked for real and kept only if it is answered by the
  // fact it came from, so an offered question never ends in "I couldn't find".
  const suggestions = (): Suggestion[] => {
    if (!verified) {
      verified = candidateSuggestions(kb).filter((s) => {
        const d = draftAnswer(kb, s.question)
        return d.status === 'answered' && d.facts.some((f) => f.id === s.factId)
      })
      const summary = { question: 'Summarize the article', factId: -1, article: '' }
      verified.push(summary)
    }
    return verified
  }

  function followUpsFor(draft: Draft, asked: string): string[] {
    const askedKey = words(asked).join(' ')
    const all = suggestions().filter((s) => words(s.question).join(' ') !== askedKey)
    const cited = new Set(draft.facts.map((f) => f.id))
    const paragraphs = new Set(draft.facts.map((f) => `${f.article}#${f.paragraph}`))
    const near = (s: Suggestion) => {
      const f = kb.facts[s.factId]
      if (!f) return 2
      // People and quotations next to the answer are the natural next questions.
      return cited.has(s.factId) || paragraphs.has(`${f.article}#${f.paragraph}`) ? 0 : 1
    }
    return [...all]
      .map((s, i) => ({ s, i, rank: near(s) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .slice(0, FOLLOW_UPS)
      .map((x) => x.s.question)
  }

  return {
    knowledge: kb,
    ask(question: string): Answer {
      const draft = draftAnswer(kb, question)
      const followUps =
        draft.status === 'invalid'
          ? suggestions()
              .slice(0, FOLLOW_UPS)
              .map((s) => s.question)
          : followUpsFor(draft, question)
      return { status: draft.status, text: draft.text, citations: draft.citations, followUps }
    },
    suggest(typed: string, limit = 25): string[] {
      const wanted = words(typed)
      const all = suggestions().map((s) => s.question)
      if (!wanted.length) return all.slice(0, limit)
      const matches = all.filter((q) => {
        const have = words(q)
        return wanted.every((w, i) => have.some((h) => (i === wanted.length - 1 ? h.startsWith(w) : h === w)))
      })
      return matches.slice(0, limit)
    },
    sources(): SourceInfo[] {
      return [...kb.articles.values()].map((a) => ({
        slug: a.slug,
        title: a.title,
        facts: factCounts.get(a.slug) ?? 0,
        ...(a.outlet ? { outlet: a.outlet } : {}),
        ...(a.url ? { url: a.url } : {}),
        ...(a.published ? { published: a.published } : {}),
      }))
    },
  }
}
