import type { KnowledgeBase } from './knowledge-base.js'
import { opensWithAge } from './measures.js'

/**
 * A sentence that opens with a pronoun or "This …" ("He died in 1259", "This led to…") says who or
 * what it is about only in the sentence before: that sentence belongs to the answer.
 */
// Not a quotation's opening "It …": that refers inside the speaker's words, and the quotation
// itself is the answer asked for.
const OPENS_WITH_REFERENCE =
  /^(?:he|she|it|they|his|her|its|their|this|these|that|those|there|such|the latter|the former)\b(?!\s+(?:is|was)\s+(?:the\s+)?(?:first|only|one))/i

/** The sentence before a sentence that leans on it, when it is in the same article and section. */
export function antecedentOf(kb: KnowledgeBase, id: number): number | undefined {
  const f = kb.facts[id]
  const prev = kb.facts[id - 1]
  if (!prev || prev.article !== f.article || prev.section !== f.section) return undefined
  if (prev.kind !== 'body' && prev.kind !== 'quote') return undefined
  if (f.kind !== 'body' && f.kind !== 'quote') return undefined
  return OPENS_WITH_REFERENCE.test(f.text) || opensWithAge(f.text) ? id - 1 : undefined
}
