import { describe, expect, it } from 'vitest'
import { minisearchReference } from '../bench/minisearch-reference.js'
import { buildKnowledgeBase } from '../src/core/knowledge-base.js'
import { terms } from '../src/core/normalize.js'
import { searchIndex } from '../src/core/search-index.js'
import { FIELD_BOOST } from '../src/core/search-options.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

const kb = buildKnowledgeBase([...loadKnowledge('knowledge'), ...loadKnowledge('tests/fixtures/knowledge')])

/**
 * The reference (bench/minisearch-reference.ts): MiniSearch indexing every fact with its neighbours
 * and section heading as a third field, as the core did before it indexed each sentence once. The
 * core's own index must rank the same facts in the same order with the same scores.
 */
const reference = () => minisearchReference(kb)

describe('the search index', () => {
  const mini = reference()
  const queries = ['lighthous keeper', 'border', 'migrant flight guatemala', 'lamp fuel paraffin', 'construct granit quarri']
    .map((q) => q.split(' '))
    .concat([
      terms('What did Andrew Selee say about the border?'),
      terms('What did Ned Price say about sovereignty?'),
      terms('Who was the first keeper of the light?'),
    ])

  it.each(queries.map((q) => [q.join(' '), q]))('scores "%s" as MiniSearch does', (_, stems) => {
    const ours = searchIndex(kb.index, stems as string[], FIELD_BOOST)
    const theirs = mini.search((stems as string[]).join(' '), {
      boost: { ...FIELD_BOOST },
      combineWith: 'OR',
      tokenize: (t) => t.split(' '),
      processTerm: (t) => t,
    })
    expect(ours.length).toBeGreaterThan(0)
    expect(ours.map((h) => h.id)).toEqual(theirs.map((r) => r.id))
    for (const [i, h] of ours.entries()) expect(h.score).toBeCloseTo(theirs[i].score, 9)
  })

  it('counts a stem within an article by its postings', () => {
    const range = kb.factRanges.get('alder-lighthouse')
    expect(range).toBeDefined()
    const slow = kb.facts.filter((f) => f.article === 'alder-lighthouse' && !kb.duplicates.has(f.id) && kb.profile(f.id).own.has('keeper')).length
    expect(slow).toBeGreaterThan(1)
    expect(kb.index.text.get('keeper')?.length).toBe(kb.df.get('keeper'))
  })
})
