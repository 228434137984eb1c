import { citationOf, framed } from './cite.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { factIdOf } from './own-ask.js'
import { parseQuestion } from './question.js'
import type { Answer } from './types.js'

/** How far after the repeated sentence the member's new ask is looked for. */
export const NEXT_SENTENCE = { on: true, within: 3 }

/**
 * A follow-up answered with the very sentence the last turn was answered with repeats itself: the
 * words carried from the earlier turns ("the 15-point plan") found that sentence again, not what
 * the member asked now ("what was it meant to do?"). When the member's own word is one the article
 * never uses, the answer is the next sentence of the same section that holds a WordNet synonym of
 * it ("meant" / "intended"): an article goes on about a thing after naming it.
 */
export function notRepeated(kb: KnowledgeBase, raw: string, last: Answer | undefined, answer: Answer): Answer | undefined {
  if (!NEXT_SENTENCE.on || answer.status !== 'answered' || last?.status !== 'answered') return undefined
  if (answer.citations[0]?.quote !== last.citations[0]?.quote) return undefined
  const id = factIdOf(kb, answer.citations[0])
  if (id === undefined) return undefined
  // Only a word the article never uses, as synonyms are offered in ranking (concepts.ts): the
  // search could not find it, and its stand-in may be what the next sentence says.
  const wanted = new Set(parseQuestion(kb, raw).concepts.flatMap((c) => (c.known ? [] : [...c.synonyms])))
  if (!wanted.size) return undefined
  const fact = kb.facts[id]
  for (let n = id + 1; n <= id + NEXT_SENTENCE.within && n < kb.facts.length; n++) {
    const next = kb.facts[n]
    if (next.article !== fact.article || next.section !== fact.section) break
    if ([...kb.profile(n).own].some((s) => wanted.has(s)))
      return { status: 'answered', text: framed(next, '[1]'), citations: [citationOf(kb, next)], followUps: answer.followUps }
  }
  return undefined
}
