import { parseArticle } from '../src/core/parse-article.js'
import { splitIntoSentences } from '../src/core/split-into-sentences.js'
import type { Article } from '../src/core/types.js'

/**
 * A deterministic archive of N articles for the scale mode, recombined from the sentences of the
 * real articles. Only five real articles exist, so every sentence is reused ~200 times at 1,000
 * articles; to keep that from being an archive of copies, each article renames some of the names
 * it uses and swaps in its own rare words, the way real articles differ by who and what they cover
 * while sharing everyday vocabulary. The same seed always gives the same archive.
 */

export const SENTENCES_PER_ARTICLE = 120
const PARAGRAPHS = 30
const PER_PARAGRAPH = SENTENCES_PER_ARTICLE / PARAGRAPHS
/** Share of sentences drawn from the article's own source: an article stays on one topic. */
const ON_TOPIC = 0.75
/** Chance that a name an article uses is renamed to one of its own. */
const RENAME = 0.5
/** Chance that a long lowercase word is swapped for one of the article's rare words. */
const RARE_SWAP = 0.12

/** mulberry32: a tiny fast seeded PRNG, good enough to pick sentences; returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ONSETS = 'b br c d dr f g gr h j k kr l m n p pr r s st t tr v z th sh'.split(' ')
const VOWELS = 'a e i o u ai ea io ou'.split(' ')
const CODAS = ['', '', 'n', 'r', 'l', 's', 'th', 'x', 'nd', 'rk']

/** A pronounceable pseudo-word ("draveth", "kouman"): new to the index, so its df starts at 1. */
function pseudoWord(rand: () => number, syllables: number): string {
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)]
  let w = ''
  for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS)
  return w + pick(CODAS)
}

const capitalize = (w: string) => w[0].toUpperCase() + w.slice(1)

/** Capitalised words after the first: the names a sentence mentions. */
const NAME_WORD = /(?<=\S\s+)\p{Lu}\p{Ll}{2,}/gu
/** Long lowercase words: the topical vocabulary an article's rare words stand in for. */
const LONG_WORD = /\b\p{Ll}{7,}\b/gu

type Pool = { slug: string; sentences: string[] }

function poolsOf(sources: Article[]): Pool[] {
  return sources.map((a) => ({
    slug: a.slug,
    sentences: a.blocks
      .filter((b) => b.kind === 'body')
      .flatMap((b) => splitIntoSentences(b.text))
      .filter((s) => s.length >= 40 && s.length <= 400),
  }))
}

/** One article's Markdown: a title, three sections, 30 paragraphs of 4 sentences. */
function articleMarkdown(pools: Pool[], index: number, seed: number): string {
  const rand = mulberry32(seed * 1_000_003 + index)
  const own = pools[index % pools.length]
  const all = pools.flatMap((p) => p.sentences)
  const renamed = new Map<string, string>()
  const rareWords = Array.from({ length: 6 }, () => pseudoWord(rand, 2 + Math.floor(rand() * 2)))
  const ownNames = Array.from({ length: 8 }, () => capitalize(pseudoWord(rand, 2 + Math.floor(rand() * 2))))

  // A name is renamed (or not) once per article, so the article stays consistent about who is who.
  const renameName = (name: string): string => {
    let to = renamed.get(name)
    if (to === undefined) {
      to = rand() < RENAME ? ownNames[Math.floor(rand() * ownNames.length)] : name
      renamed.set(name, to)
    }
    return to
  }
  const sentence = (): string => {
    const from = rand() < ON_TOPIC ? own.sentences : all
    return from[Math.floor(rand() * from.length)]
      .replace(NAME_WORD, renameName)
      .replace(LONG_WORD, (w) => (rand() < RARE_SWAP ? rareWords[Math.floor(rand() * rareWords.length)] : w))
  }

  const lines = [`# ${ownNames[0]} ${ownNames[1]} and the ${rareWords[0]} of ${ownNames[2]}`, '']
  for (let p = 0; p < PARAGRAPHS; p++) {
    if (p % 10 === 0) lines.push(`## ${capitalize(rareWords[p / 10 + 1])} in ${ownNames[p / 10 + 3]}`, '')
    lines.push(Array.from({ length: PER_PARAGRAPH }, sentence).join(' '), '')
  }
  return lines.join('\n')
}

/** N parsed articles, slugs `synthetic-0001`…; progress goes to the callback every 5%. */
export function synthesizeArticles(sources: Article[], count: number, seed: number, onProgress?: (done: number) => void): Article[] {
  const pools = poolsOf(sources).filter((p) => p.sentences.length > 0)
  if (!pools.length) throw new Error('no source sentences to synthesize articles from')
  const width = String(count).length
  const step = Math.max(1, Math.floor(count / 20))
  const out: Article[] = []
  for (let i = 0; i < count; i++) {
    const slug = `synthetic-${String(i + 1).padStart(width, '0')}`
    out.push(parseArticle(articleMarkdown(pools, i, seed), slug))
    if (onProgress && ((i + 1) % step === 0 || i + 1 === count)) onProgress(i + 1)
  }
  return out
}
