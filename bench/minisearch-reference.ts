import MiniSearch from 'minisearch'
import type { KnowledgeBase } from '../src/core/knowledge-base.js'
import { STOP_WORDS, stem, words } from '../src/core/normalize.js'

type Doc = { id: number; text: string; speaker: string; context: string }

/**
 * The index the core used before it indexed each sentence once: MiniSearch over every fact with
 * its speaker and its context (neighbours and section heading) as fields. The bench keeps it as the
 * "bare search" that ask() is compared with, so the ratio means what it meant in earlier runs.
 */
export function minisearchReference(kb: KnowledgeBase): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({
    fields: ['text', 'speaker', 'context'],
    storeFields: [],
    tokenize: (text) => (text.includes('\n') ? text.split('\n').flatMap(words) : words(text)),
    processTerm: (term) => (STOP_WORDS.has(term) ? null : stem(term)),
  })
  const { facts } = kb
  for (const f of facts) {
    if (kb.duplicates.has(f.id)) continue
    const near = [facts[f.id - 1], facts[f.id + 1]].filter((n) => n && n.article === f.article && n.paragraph === f.paragraph)
    index.add({ id: f.id, text: f.text, speaker: f.speaker ?? '', context: [...near.map((n) => n.text), f.section ?? ''].join('\n') })
  }
  return index
}

/** Searches stems as the core's candidate search did: OR, field boosts, no fuzzy or prefix matching. */
export const REFERENCE_SEARCH = {
  boost: { text: 1, speaker: 1.5, context: 0.35 },
  combineWith: 'OR',
  tokenize: (t: string) => t.split(' '),
  processTerm: (t: string) => t,
} as const
