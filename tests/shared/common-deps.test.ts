import { describe, expect, it } from 'vitest'
import { adapterDeps, perKnowledge } from '../../src/adapters/shared/common-deps.js'
import type { Explainer } from '../../src/core/explainer.js'
import type { Citation, SourceInfo } from '../../src/core/types.js'

/** An explainer whose knowledge a test swaps, as a live-knowledge reload does; only what the deps read. */
function reloadable(sources: SourceInfo[]) {
  const state = { knowledge: {}, sources, made: 0 }
  const explainer = {
    get knowledge() {
      return state.knowledge
    },
    sources: () => {
      state.made++
      return state.sources
    },
  } as unknown as Explainer
  const reload = (next: SourceInfo[]) => {
    state.knowledge = {}
    state.sources = next
  }
  return { explainer, reload, state }
}

const source = (title: string, url?: string): SourceInfo => ({ slug: title.toLowerCase(), title, facts: 1, ...(url ? { url } : {}) })
const citation = (article: string): Citation => ({ ref: 'x#p1', quote: 'q', article, kind: 'body' })

describe('adapter deps', () => {
  it('perKnowledge makes its value once per knowledge, again after a reload', () => {
    const { explainer, reload } = reloadable([])
    let n = 0
    const value = perKnowledge(explainer, () => ++n)
    expect([value(), value()]).toEqual([1, 1])
    reload([])
    expect([value(), value()]).toEqual([2, 2])
  })

  it('titles, urls and an adapter getter follow a reload; the rate limit comes from the options, then RATE_LIMIT', () => {
    const { explainer, reload, state } = reloadable([source('Bridge', 'https://example.org/bridge')])
    const deps = adapterDeps(explainer, 'slack', { debug: false, rateLimit: { limit: 9, windowMs: 1_000 } }, { rateLimit: { limit: 2 } }, (common) => ({
      get several() {
        return common.knownTitles.length > 1
      },
    }))
    expect(deps.rate).toEqual({ limit: 2, windowMs: 1_000 })
    expect([deps.knownTitles, deps.several, deps.urlOf(citation('Bridge'))]).toEqual([['Bridge'], false, 'https://example.org/bridge'])
    const made = state.made
    expect(deps.knownTitles).toEqual(['Bridge'])
    expect(state.made).toBe(made)
    reload([source('Bridge'), source('Tunnel', 'https://example.org/tunnel')])
    expect([deps.knownTitles, deps.several, deps.urlOf(citation('Bridge')), deps.urlOf(citation('Tunnel'))]).toEqual([
      ['Bridge', 'Tunnel'],
      true,
      undefined,
      'https://example.org/tunnel',
    ])
  })
})
