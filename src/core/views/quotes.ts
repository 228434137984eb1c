import type { KnowledgeBase } from '../knowledge-base.js'
import { words } from '../normalize.js'
import type { Fact } from '../types.js'
import { citeAll, isTitleCase } from './source.js'
import type { QuoteItem, WhoItem } from './types.js'

/**
 * Quotes: every quotation of six words or more (shorter quoted phrases are scare quotes, "buffer
 * state", or names, "Khanate of the Great Khan", as are quoted words in Title Case), as the words between the quotation marks, which may run over several sentences of a
 * paragraph, with who said it. The speaker is the one the sentences name (the core's speaker
 * finding), else the one named elsewhere in the same paragraph, and is written as who's who names them.
 */

const MIN_WORDS = 6

type Span = { facts: Fact[]; parts: string[] }

/** Quotation spans of one paragraph, following the marks across its sentences. */
function spansIn(paragraph: readonly Fact[]): Span[] {
  const spans: Span[] = []
  let open: Span | undefined
  for (const fact of paragraph) {
    const text = fact.text
    let from = 0
    if (open) open.facts.push(fact)
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      const opens = c === '“' || (c === '"' && !open)
      const closes = c === '”' || (c === '"' && !!open)
      if (opens && !open) {
        open = { facts: [fact], parts: [] }
        from = i + 1
      } else if (closes && open) {
        open.parts.push(text.slice(from, i))
        spans.push(open)
        open = undefined
      }
    }
    if (open) {
      open.parts.push(text.slice(from))
      from = 0
    }
  }
  // A quotation left open at the paragraph's end still counts (the next paragraph reopens it in print).
  if (open) spans.push(open)
  return spans
}

/** "Price" -> "Ned Price": the speaker as who's who names them. */
export function canonicalSpeaker(speaker: string, who: readonly WhoItem[]): string {
  const key = words(speaker).join(' ')
  const hit = who.find((w) => [w.name, ...(w.aliases ?? [])].some((f) => words(f).join(' ') === key))
  const tail = hit ?? who.filter((w) => w.kind === 'person' && ` ${words(w.name).join(' ')}`.endsWith(` ${key}`))
  return Array.isArray(tail) ? (tail.length === 1 ? tail[0].name : speaker) : tail.name
}

export function quotesView(kb: KnowledgeBase, facts: readonly Fact[], who: readonly WhoItem[]): QuoteItem[] {
  const items: QuoteItem[] = []
  const prose = facts.filter((f) => f.kind === 'body' || f.kind === 'quote')
  for (let i = 0; i < prose.length; ) {
    let j = i
    while (j < prose.length && prose[j].paragraph === prose[i].paragraph) j++
    const paragraph = prose.slice(i, j)
    for (const span of spansIn(paragraph)) {
      // The comma before '," she said' belongs to the sentence around the quotation, not to it.
      const quote = span.parts
        .map((p) => p.trim())
        .join(' ')
        .replace(/[,\s]+$/, '')
      if (words(quote).length < MIN_WORDS || isTitleCase(quote)) continue
      const saying = span.facts.find((f) => f.speaker) ?? paragraph.find((f) => f.speaker)
      const speaker = saying?.speaker ? canonicalSpeaker(saying.speaker, who) : undefined
      items.push({ ...(speaker ? { speaker } : {}), quote, citations: citeAll(kb, saying ? [...span.facts, saying] : span.facts) })
    }
    i = j
  }
  return items
}

/** The quotes of one speaker: every word of `name` in the speaker's name, or an alias who's who knows. */
export function quotesBy(items: readonly QuoteItem[], name: string, who: readonly WhoItem[]): QuoteItem[] {
  const wanted = words(name)
  if (!wanted.length) return [...items]
  const canonical = canonicalSpeaker(name, who)
  return items.filter((q) => {
    if (!q.speaker) return false
    const have = words(q.speaker)
    return q.speaker === canonical || wanted.every((w) => have.includes(w))
  })
}
