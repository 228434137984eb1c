import { describe, expect, it } from 'vitest'
import { createExplainer } from '../src/core/explainer.js'
import { articlesMatching, splitPick } from '../src/core/pick-article.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

const ex = createExplainer([...loadKnowledge('knowledge'), ...loadKnowledge('tests/fixtures/knowledge')])

describe('picking an article', () => {
  it('finds an article by slug, or by words of its title as they are typed', () => {
    expect(articlesMatching(ex.knowledge, 'alder-lighthouse').map((a) => a.slug)).toEqual(['alder-lighthouse'])
    expect(articlesMatching(ex.knowledge, 'lighth').map((a) => a.slug)).toEqual(['alder-lighthouse'])
    expect(articlesMatching(ex.knowledge, 'mexico crack').map((a) => a.slug)).toEqual(['mexico-migration'])
    expect(articlesMatching(ex.knowledge, 'zeppelin')).toEqual([])
  })

  it('reads in:<slug> and in:"title words" before a question', () => {
    expect(splitPick('in:alder-lighthouse Who built it?')).toEqual({ pick: 'alder-lighthouse', question: 'Who built it?' })
    expect(splitPick('in:"alder point" Who built it?')).toEqual({ pick: 'alder point', question: 'Who built it?' })
    expect(splitPick('Who built it?')).toEqual({ question: 'Who built it?' })
  })

  it('answers from the picked article alone, and names an unknown one as invalid', () => {
    const answer = ex.ask('Who designed it?', [], { article: 'alder-lighthouse' })
    expect(answer.citations.every((c) => c.ref.startsWith('alder-lighthouse#'))).toBe(true)
    expect(ex.ask('summary', [], { article: 'alder-lighthouse' }).citations.every((c) => c.ref.startsWith('alder-lighthouse#'))).toBe(true)
    expect(ex.ask('Who designed it?', [], { article: 'nope' })).toMatchObject({ status: 'invalid', text: 'I know no article "nope"' })
  })
})
