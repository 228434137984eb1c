import type { KnowledgeBase } from './knowledge-base.js'
import { findNames } from './names.js'
import { fold, words } from './normalize.js'

/** Last words that make a name an organisation, place or event rather than a person. */
export const NOT_A_PERSON = new Set(
  `guard institute office court department administration university college school company agency
  council commission committee party ministry house senate congress bank association organization
  organisation union nations states republic kingdom empire church river sea ocean mountains bay
  street city county province island islands war revolution act treaty program programme plan
  america europe asia africa`.split(/\s+/),
)

/** A question the knowledge can answer, and the fact that answers it. */
export type Suggestion = { question: string; factId: number; article: string /** folded words, to compare */; key: string }

/**
 * Questions worth offering about one article, drawn from what it says: "Who is X?" for everyone
 * given a role, "What did X say?" for everyone quoted. The caller keeps only those `ask()` really
 * answers with the same fact, so a suggestion never leads to "the article doesn't say".
 */
export function candidateSuggestions(kb: KnowledgeBase, slug: string): Suggestion[] {
  const out: Suggestion[] = []
  const seen = new Set<string>()
  const push = (question: string, factId: number) => {
    const key = words(question).join(' ')
    if (seen.has(key)) return
    seen.add(key)
    out.push({ question, factId, article: slug, key })
  }
  const range = kb.factRanges.get(slug)
  if (!range) return out
  for (let id = range.start; id < range.end; id++) {
    const f = kb.facts[id]
    if (kb.duplicates.has(f.id) || (f.kind !== 'body' && f.kind !== 'quote')) continue
    const roles = kb.profile(f.id).roles
    for (const { name } of findNames(f.text)) {
      const parts = fold(name).split(/\s+/)
      const person = !NOT_A_PERSON.has(parts[parts.length - 1])
      if (person && name.includes(' ') && parts.every((w) => roles.has(w))) push(`Who is ${name}?`, f.id)
    }
    if (f.speaker?.includes(' ') && f.kind === 'quote') push(`What did ${f.speaker} say?`, f.id)
  }
  return out
}
