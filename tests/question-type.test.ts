import { describe, expect, it } from 'vitest'
import { cleanQuestion } from '../src/core/question.js'
import { readType, TYPE_PATTERNS } from '../src/core/question-type.js'

/** The top-level alternatives of a pattern's source (split at `|` outside groups and classes). */
function alternatives(source: string): string[] {
  const parts: string[] = []
  let depth = 0
  let inClass = false
  let start = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (inClass) inClass = c !== ']'
    else if (c === '[') inClass = true
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i))
      start = i + 1
    }
  }
  return [...parts, source.slice(start)]
}

/** The cleaner parseQuestion hands readType, so the cases test what answering runs. */
const clean = cleanQuestion

describe('the question-type patterns', () => {
  it('each alternative starts with literal words, so a question is tried only against the patterns that spell out its first word', () => {
    for (const [type, re] of TYPE_PATTERNS)
      for (const alternative of alternatives(re.source))
        expect({ type, alternative }).toEqual({ type, alternative: expect.stringMatching(/^\^(?:\(\?:)?[a-z]/) })
  })

  it('still reads every kind, a frame before the comma included', () => {
    expect(readType('how many flights a week?', clean).type).toBe('number')
    expect(readType('about how many people came?', clean).type).toBe('number')
    expect(readType('in what year did it end?', clean).type).toBe('when')
    expect(readType('where is the border?', clean).type).toBe('where')
    expect(readType('for what reason did they go?', clean).type).toBe('why')
    expect(readType('what did the minister say about it?', clean).type).toBe('quote')
    expect(readType("who's the president?", clean).type).toBe('who')
    expect(readType('is it true?', clean).type).toBe('yesno')
    expect(readType('according to the report, how many ships sank?', clean).type).toBe('number')
    expect(readType('whenever it rains, what happens?', clean).type).toBe('what')
    expect(readType('2019: what happened?', clean).type).toBe('what')
  })
})
