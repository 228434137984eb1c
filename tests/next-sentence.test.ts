import { describe, expect, it } from 'vitest'
import type { Turn } from '../src/core/conversation.js'
import { createExplainer } from '../src/core/explainer.js'
import { NEXT_SENTENCE } from '../src/core/next-sentence.js'
import { parseArticle } from '../src/core/parse-article.js'

/** A hand-written article: a plan is named, and what it was for comes two sentences later. */
const ARTICLE = `---
title: Millbrook Prepares for Spring Floods
---

# Millbrook Prepares for Spring Floods

The town council drew up a flood plan in March. The plan added six pumps along the river walls. These pumps were designed to protect the old market.

The river rose by two metres last spring. Shop owners lost a week of trade.
`

describe('a follow-up that would repeat the last answer', () => {
  const bot = createExplainer([parseArticle(ARTICLE, 'millbrook')])
  const first = 'tell me about the flood plan'

  it('is answered by the next sentence holding a synonym of the word the member used', () => {
    const turns: Turn[] = [{ question: first, answer: bot.ask(first) }]
    expect(turns[0].answer?.citations[0]?.quote).toBe('The town council drew up a flood plan in March.')
    // "aimed" is not in the article; "designed" (WordNet: aim / design) is, two sentences on.
    const a = bot.ask('what was it aimed at?', turns)
    expect(a.status).toBe('answered')
    expect(a.citations[0].quote).toBe('These pumps were designed to protect the old market.')
  })

  it('found only the last answer again without the rule, which does not hold "aimed", so declined', () => {
    NEXT_SENTENCE.on = false
    try {
      const turns: Turn[] = [{ question: first, answer: bot.ask(first) }]
      const a = bot.ask('what was it aimed at?', turns)
      expect(a.status).toBe('not_found')
      expect(a.text).toContain('I read your question as "what was the flood plan aimed at?"')
    } finally {
      NEXT_SENTENCE.on = true
    }
  })
})
