/** How a citation reads on every surface: quotation marks as the article has them, the right kind label. */
import { describe, expect, it } from 'vitest'
import { balanceQuotes, citationLine, kindLabel, quoteLink } from '../src/core/cite.js'
import type { Citation } from '../src/core/types.js'

const cite = (over: Partial<Citation> = {}): Citation => ({ ref: 'a#p3', quote: 'The tower stands.', article: 'The Tower', kind: 'body', ...over })

describe('balanceQuotes', () => {
  it('closes a quotation a sentence split left open, and opens one it left closed', () => {
    expect(balanceQuotes('"We hold deep respect for the harbour.')).toBe('"We hold deep respect for the harbour."')
    expect(balanceQuotes('the keeper\'s democracy," said Wren.')).toBe('"the keeper\'s democracy," said Wren.')
    expect(balanceQuotes('“Slower than any wall.')).toBe('“Slower than any wall.”')
    expect(balanceQuotes('wall,” she wrote.')).toBe('“wall,” she wrote.')
  })

  it('leaves balanced text and apostrophes alone', () => {
    for (const text of ['She called it a "buffer state," he said.', "The keeper's lamp.", 'No marks at all.', '“One,” she said, “two.”'])
      expect(balanceQuotes(text)).toBe(text)
  })
})

describe('kindLabel', () => {
  it('labels a standfirst as a standfirst, the title as the headline', () => {
    expect(kindLabel(cite({ kind: 'headline', quote: 'The Tower' }))).toBe('headline')
    expect(kindLabel(cite({ kind: 'headline', quote: 'A stone tower, and what it cost to keep' }))).toBe('standfirst')
    expect(kindLabel(cite({ kind: 'caption' }))).toBe('photo caption')
    expect(kindLabel(cite())).toBe('')
  })
})

describe('citationLine', () => {
  it('shows the quote, balanced, only when the answer text did not', () => {
    const c = cite({ quote: '"We hold deep respect.', speaker: 'Ana Ruiz' })
    expect(citationLine(c, 1, { showArticle: false, shownInText: false })).toEqual({
      number: '[1]',
      quote: '"We hold deep respect."',
      where: '¶3 · said by Ana Ruiz',
    })
    expect(citationLine(c, 2, { showArticle: true, shownInText: true })).toEqual({ number: '[2]', where: 'The Tower · ¶3 · said by Ana Ruiz' })
  })
})

describe('quoteLink', () => {
  it('links a short sentence whole, encoded as the text-fragment syntax wants (- , & too)', () => {
    expect(quoteLink('https://example.org/a', 'Co-op sales rose, & fell.')).toBe('https://example.org/a#:~:text=Co%2Dop%20sales%20rose%2C%20%26%20fell.')
  })

  it('leaves out the marks around a quote, and keeps a url fragment of its own', () => {
    expect(quoteLink('https://example.org/a#top', '"We sail on time."')).toBe('https://example.org/a#top:~:text=We%20sail%20on%20time.')
  })

  it('links a long sentence by its first and last words (textStart,textEnd)', () => {
    const long = 'The island ferry will keep its winter timetable until the end of April, the harbour board said on Monday.'
    const link = quoteLink('https://example.org/a', long)
    expect(link).toBe('https://example.org/a#:~:text=The%20island%20ferry%20will%20keep,harbour%20board%20said%20on%20Monday.')
    // Decoded, each term is a part of the sentence.
    const [start, end] = link.split(':~:text=')[1].split(',').map(decodeURIComponent)
    expect(long.startsWith(start)).toBe(true)
    expect(long.endsWith(end)).toBe(true)
  })
})
