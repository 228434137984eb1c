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
    // No time budget: this checks what is offered, which a busy machine must not change.
    const ex = createExplainer(loadKnowledge('tests/fixtures/knowledge'), undefined, { suggestCheckMs: Number.POSITIVE_INFINITY })
    const all = ex.suggest('')
    expect(all).toEqual(expect.arrayContaining(['Who is Hester Quill?', 'Who is Tobias Wren?', 'What did Mira Osei say?']))
    for (const q of all) expect(ex.ask(q).status).toBe('answered')
    // What is typed comes first, as its own choice; typing narrows the rest, by any word's prefix.
    expect(ex.suggest('who is to')).toEqual(['who is to', 'Who is Tobias Wren?'])
    expect(ex.suggest('what did')).toEqual(['what did', 'What did Mira Osei say?'])
    expect(ex.suggest('zzz')).toEqual(['zzz'])
    expect(ex.suggest('tob')).toEqual(['tob', 'Who is Tobias Wren?'])
  })

  it("suggests from the article's topics and numbers, and corrects spelling as ask() does", () => {
    const ex = createExplainer(loadKnowledge('tests/fixtures/knowledge'))
    // A misspelt name finds the person ("Hestor" is one letter off "Hester").
    expect(ex.suggest('Hestor')).toContain('Who is Hester Quill?')
    // Numbers: "How many …" questions drawn from what the article counts.
    const counts = ex.suggest('how many st')
    expect(counts).toContain('How many steps?')
    // Topics: named places and things, and a partial word completed to the article's words.
    expect(ex.suggest('marrow')).toContain('What about Marrow Bay?')
    expect(ex.suggest('mercu')).toEqual(['mercu', 'What about mercury?'])
    for (const q of [...counts, ...ex.suggest('marrow'), ...ex.suggest('mercu')].filter((q) => /\?$/.test(q))) expect(ex.ask(q).status).toBe('answered')
    // At most as many as asked for, each whole.
    expect(ex.suggest('', 5).length).toBeLessThanOrEqual(5)
  })
})
