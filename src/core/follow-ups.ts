import type { KnowledgeBase } from './knowledge-base.js'
import { findNames } from './names.js'
import { fold } from './normalize.js'

/** Last words that make a name an organisation, place or event rather than a person. */
const NOT_A_PERSON = new Set(
  `guard institute office court department administration university college school company agency
  council commission committee party ministry house senate congress bank association organization
  organisation union nations states republic kingdom empire church river sea ocean mountains bay
  street city county province island islands war revolution act treaty program programme plan
  america europe asia africa`.split(/\s+/),
)

/** A question the knowledge can answer, and the fact that answers it. */
export type Suggestion = { question: string; factId: number; article: string }

/**
 * Questions worth offering, drawn from what the articles say: "Who is X?" for everyone given a
 * role, "What did X say?" for everyone quoted. The caller keeps only those `ask()` really answers
 * with the same fact, so a suggestion never leads to "the article doesn't say".
 */
export function candidateSuggestions(kb: KnowledgeBase): Suggestion[] {
  const out: Suggestion[] = []
  const seen = new Set<string>()
  const push = (question: string, factId: number, article: string) => {
    const key = fold(question)
    if (seen.has(key)) return
    seen.add(key)
    out.push({ question, factId, article })
  }
  for (const f of kb.facts) {
    if (kb.duplicates.has(f.id) || f.kind === 'related' || f.kind === 'headline') continue
    const roles = kb.profiles[f.id].roles
    for (const { name } of findNames(f.text)) {
      const first = fold(name).split(/\s+/)
      const person = !NOT_A_PERSON.has(first[first.length - 1])
      if (f.kind === 'body' || f.kind === 'quote') {
        if (person && name.includes(' ') && first.every((w) => roles.has(w))) push(`Who is ${name}?`, f.id, f.article)
      }
    }
    if (f.speaker?.includes(' ') && f.kind === 'quote') push(`What did ${f.speaker} say?`, f.id, f.article)
  }
  return out
}
