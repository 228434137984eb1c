import { describe, expect, it } from 'vitest'
import { createExplainer } from '../src/core/explainer.js'
import { parseArticle } from '../src/core/parse-article.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

const article = parseArticle(
  '# Harbour news\n\nThe harbour master, Ana Ruiz, said the new pier opens in May. "It will hold twelve boats," Ruiz said.\n\nThe pier cost 2 million euros.',
  'harbour',
)

describe('the explainer facade', () => {
  it('gives the same answer to a question asked again, and each caller its own copy', () => {
    const ex = createExplainer([article])
    const first = ex.ask('When does the new pier open?')
    first.citations.length = 0
    first.followUps.push('changed by the caller')
    const second = ex.ask('When does the new pier open?')
    expect(second.status).toBe('answered')
    expect(second.citations.length).toBeGreaterThan(0)
    expect(second.followUps).not.toContain('changed by the caller')
    expect(second).toEqual(createExplainer([article], undefined, { recentAnswers: 0 }).ask('When does the new pier open?'))
  })

  it('answers without a cache exactly as with one', () => {
    const cached = createExplainer([article])
    const uncached = createExplainer([article], undefined, { recentAnswers: 0 })
    for (const q of ['How much did the pier cost?', 'Who is Ana Ruiz?', 'What is the weather?']) {
      expect(uncached.ask(q)).toEqual(cached.ask(q))
      expect(uncached.ask(q)).toEqual(cached.ask(q))
    }
  })

  it('lists its sources with the number of sentences each holds', () => {
    expect(createExplainer([article]).sources()).toEqual([{ slug: 'harbour', title: 'Harbour news', facts: 3 }])
  })

  it('suggests only questions it can answer, matched to what is typed', () => {
    // The lighthouse fixture names three people: each is a "who is" suggestion, and the one it
    // quotes is also a "what did … say" suggestion.
    const ex = createExplainer(loadKnowledge('tests/fixtures/knowledge'))
    const all = ex.suggest('')
    expect(all).toEqual(expect.arrayContaining(['Who is Hester Quill?', 'Who is Tobias Wren?', 'What did Mira Osei say?']))
    for (const q of all) expect(ex.ask(q).status).toBe('answered')
    // Typing narrows the list: the last word may be unfinished.
    expect(ex.suggest('who is to')).toEqual(['Who is Tobias Wren?'])
    expect(ex.suggest('what did')).toEqual(['What did Mira Osei say?'])
    expect(ex.suggest('zzz')).toEqual([])
  })
})
