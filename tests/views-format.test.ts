/**
 * Views as Discord embeds and Slack blocks hold the platforms' limits however long the view: a
 * made-up view of many long items, every page checked against the limits written out in the
 * tests' own helpers, and every item shown on exactly one page.
 */
import { describe, expect, it } from 'vitest'
import { createViewIds } from '../src/adapters/discord/view-ids.js'
import { viewMessage as discordView } from '../src/adapters/discord/view-message.js'
import { viewMessage as slackView } from '../src/adapters/slack/view-message.js'
import type { QuoteItem, ViewResult } from '../src/core/views/index.js'
import { limitProblems } from './discord/driver.js'

const long = (n: number) => `Quotation number ${n} ${'with many words that go on and on '.repeat(40)}<@here> **end**`
const items: QuoteItem[] = Array.from({ length: 120 }, (_, i) => ({
  speaker: `Speaker ${i} ${'Longname'.repeat(30)}`,
  quote: long(i),
  citations: [{ ref: `a#p${i}`, quote: `"${long(i)}," said Speaker ${i}.`, article: 'A', kind: 'quote' }],
}))
const result: ViewResult = { status: 'ok', view: 'quotes', article: { slug: 'a', title: 'T'.repeat(400) }, items }

describe('a long view on Discord', () => {
  it('pages within every limit, each item on one page, Previous/Next ids within 100 characters', () => {
    const ids = createViewIds()
    const first = discordView(result, 0, ids)
    const pages = Number(first.embeds[0].footer?.text.match(/page 1 of (\d+)/)?.[1])
    expect(pages).toBeGreaterThan(10)
    const seen: string[] = []
    for (let p = 0; p < pages; p++) {
      const m = discordView(result, p, ids)
      const body = JSON.parse(JSON.stringify({ ...m, components: m.components }))
      expect(limitProblems(body)).toEqual([])
      seen.push(...(m.embeds[0].description?.match(/\*\*\d+\.\*\*/g) ?? []))
      const [prev, next] = m.components[0].components as { custom_id: string; disabled: boolean }[]
      expect(prev.disabled).toBe(p === 0)
      expect(next.disabled).toBe(p === pages - 1)
      if (p < pages - 1) expect(ids.decode(next.custom_id)).toMatchObject({ view: 'quotes', page: p + 1, article: 'a' })
    }
    expect(seen).toHaveLength(items.length)
    expect(new Set(seen).size).toBe(items.length)
  })
})

describe('view buttons too long to carry their page', () => {
  it("are kept under this process's prefix: a key from before a restart has expired instead of opening another page", () => {
    const page = { view: 'who' as const, page: 2, article: 's'.repeat(120) }
    const before = createViewIds()
    const after = createViewIds()
    const id = before.encode(page)
    expect(id.length).toBeLessThanOrEqual(100)
    expect(before.decode(id)).toMatchObject(page)
    // The new process keeps its own first page under the same counter: the old key must not reach it.
    after.encode({ ...page, article: 't'.repeat(120) })
    expect(after.decode(id)).toEqual({ expired: true })
  })
})

describe('a long view on Slack', () => {
  it('pages within 50 blocks and 3,000 characters a text, mentions escaped', () => {
    const first = slackView(result, 0)
    const pages = Number(JSON.stringify(first).match(/page 1 of (\d+)/)?.[1])
    expect(pages).toBe(12)
    for (let p = 0; p < pages; p++) {
      const m = slackView(result, p)
      expect(m.blocks.length).toBeLessThanOrEqual(50)
      expect(m.text.length).toBeLessThanOrEqual(3_000)
      for (const b of m.blocks as { type: string; text?: { text: string }; elements?: { text?: unknown }[] }[]) {
        if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3_000)
        for (const e of b.elements ?? []) if (typeof e.text === 'string') expect(e.text.length).toBeLessThanOrEqual(3_000)
      }
      expect(JSON.stringify(m)).not.toContain('<@here>')
    }
  })
})
