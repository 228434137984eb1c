import type { Fact } from './types.js'

/**
 * The search index: for each stem, the facts that use it. Each sentence is indexed once; the words
 * around it (its neighbours in the paragraph, its section heading) are found through the
 * neighbours' own postings when a question is searched, instead of being indexed again with every
 * fact (which took 2.2 times the documents). Scores are MiniSearch's BM25+ over three fields
 * (text, speaker, context), computed the same way, so answers do not change with the index:
 * tests/search-index.test.ts holds the two side by side.
 *
 * A posting is `id * 16 + count`: the fact and how often the stem occurs in it (at most 15).
 * Typed arrays keep 40,000 facts' postings in a few megabytes and build in milliseconds.
 */
export type SearchIndex = {
  /** Searchable facts (repeats left out) whose sentence has the stem, in id order. */
  text: Map<string, Uint32Array>
  /** Repeated facts whose sentence has it: not searched, but they are a neighbour's context. */
  repeated: Map<string, Uint32Array>
  speaker: Map<string, Uint32Array>
  /** Searchable facts under a section heading that has it. */
  section: Map<string, Uint32Array>
  /** Distinct words of each fact's text, speaker and context: three numbers a fact. */
  lengths: Uint32Array
  /** Average of each of the three over the searchable facts, as MiniSearch averages them. */
  average: [number, number, number]
  /** How many facts are searchable. */
  count: number
  facts: Fact[]
  searchable: (id: number) => boolean
  /** Per fact: a number shared by the facts of one paragraph of one article. Neighbours are found by comparing numbers, not by reading fact objects. */
  paragraphOf: Uint32Array
  /** Per fact and field, MiniSearch's length normalisation `k * (1 - b + b * length / average)`, worked out once. */
  norms: Float64Array
}

export type IndexSource = {
  facts: Fact[]
  duplicates: Set<number>
  /** Per fact: the terms of its sentence and of its speaker (repeats kept), and its three lengths. */
  termsOf: (id: number) => string[]
  speakerTermsOf: (id: number) => string[] | 0
  lengthOf: (id: number, field: 0 | 1 | 2) => number
  /** The terms of a section heading, repeats kept. */
  sectionTerms: (section: string) => string[]
  /** Postings saved with these very facts (nothing changed since): used instead of building them. */
  postings?: Postings
}

/** The four postings maps: what a saved index may keep so that a start with nothing changed reads instead of builds them. */
export type Postings = Pick<SearchIndex, 'text' | 'repeated' | 'speaker' | 'section'>

const MAX_COUNT = 15

type Feed = (visit: (id: number, terms: readonly string[]) => void) => void

/**
 * Postings from (fact, terms) pairs, in two passes over the same feed: the first sizes each list,
 * the second fills it. No list grows and none is copied: a large archive's build makes little garbage.
 */
function* postingsOf(feed: Feed): Generator<void, Map<string, Uint32Array>> {
  const sizes = new Map<string, number>()
  const tf = new Map<string, number>()
  feed((_, terms) => {
    tf.clear()
    for (const t of terms) {
      if (tf.has(t)) continue
      tf.set(t, 1)
      sizes.set(t, (sizes.get(t) ?? 0) + 1)
    }
  })
  const lists = new Map<string, { list: Uint32Array; at: number }>()
  for (const [t, size] of sizes) lists.set(t, { list: new Uint32Array(size), at: 0 })
  yield
  feed((id, terms) => {
    tf.clear()
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1)
    for (const [t, c] of tf) {
      const l = lists.get(t) as { list: Uint32Array; at: number }
      l.list[l.at++] = id * 16 + Math.min(c, MAX_COUNT)
    }
  })
  const out = new Map<string, Uint32Array>()
  for (const [t, l] of lists) out.set(t, l.list)
  yield
  return out
}

/** Builds the index; it yields between steps, so a reload can let questions be answered meanwhile (see knowledge-base.ts). */
export function* buildSearchIndex(src: IndexSource): Generator<void, SearchIndex> {
  const { facts, duplicates } = src
  const n = facts.length
  const sectionTerms = new Map<string, string[]>()
  const headingOf = (section: string) => {
    let t = sectionTerms.get(section)
    if (!t) {
      t = src.sectionTerms(section)
      sectionTerms.set(section, t)
    }
    return t
  }
  const each =
    (repeats: boolean, terms: (f: Fact) => readonly string[] | 0 | undefined): Feed =>
    (visit) => {
      for (const f of facts) {
        if (duplicates.has(f.id) !== repeats) continue
        const t = terms(f)
        if (t) visit(f.id, t)
      }
    }
  const lengths = new Uint32Array(n * 3)
  const average: [number, number, number] = [0, 0, 0]
  let count = 0
  for (const fact of facts) {
    const id = fact.id
    for (let field = 0; field < 3; field++) lengths[id * 3 + field] = src.lengthOf(id, field as 0 | 1 | 2)
    if (duplicates.has(id)) continue
    // MiniSearch keeps a running average as documents are added; the same arithmetic gives the same scores.
    for (let field = 0; field < 3; field++) average[field] = (average[field] * count + lengths[id * 3 + field]) / (count + 1)
    count++
  }
  yield
  const saved = src.postings
  const text = saved?.text ?? (yield* postingsOf(each(false, (f) => src.termsOf(f.id))))
  const repeated = saved?.repeated ?? (yield* postingsOf(each(true, (f) => src.termsOf(f.id))))
  const speaker = saved?.speaker ?? (yield* postingsOf(each(false, (f) => src.speakerTermsOf(f.id))))
  const section = saved?.section ?? (yield* postingsOf(each(false, (f) => (f.section ? headingOf(f.section) : 0))))
  const searchable = (id: number) => id >= 0 && id < n && !src.duplicates.has(id)
  const paragraphOf = new Uint32Array(n)
  const paragraphs = new Map<string, number>()
  for (const f of facts) {
    const key = `${f.article}\u0000${f.paragraph}`
    let p = paragraphs.get(key)
    if (p === undefined) {
      p = paragraphs.size + 1
      paragraphs.set(key, p)
    }
    paragraphOf[f.id] = p
  }
  const norms = new Float64Array(n * 3)
  const { k, b } = BM25
  for (let i = 0; i < n * 3; i++) norms[i] = k * (1 - b + (b * lengths[i]) / average[i % 3])
  return {
    paragraphOf,
    norms,
    text,
    repeated,
    speaker,
    section,
    lengths,
    average,
    count,
    facts: src.facts,
    searchable,
  }
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 }

/** MiniSearch's inverse document frequency for BM25+ (the same expression, so the same floats). */
function idfOf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5))
}

/**
 * Per-fact scratch arrays a search reuses (one search runs at a time): a question touches a few
 * thousand facts of 40,000, and typed arrays with a list of those touched cost far less than maps.
 */
type Scratch = { term: Float64Array; total: Float64Array; terms: Uint16Array; context: Uint32Array }
const scratches = new WeakMap<SearchIndex, Scratch>()

function scratchOf(index: SearchIndex): Scratch {
  let s = scratches.get(index)
  if (!s) {
    const n = index.facts.length
    s = { term: new Float64Array(n), total: new Float64Array(n), terms: new Uint16Array(n), context: new Uint32Array(n) }
    scratches.set(index, s)
  }
  return s
}

/**
 * The searchable facts whose context (neighbours in the paragraph, section heading) has the stem,
 * packed as postings are (id * 16 + count), in id order.
 */
function contextPostings(index: SearchIndex, term: string, counts: Uint32Array): Uint32Array {
  const touched: number[] = []
  const { paragraphOf, facts } = index
  const n = facts.length
  const add = (id: number, c: number) => {
    // Repeated facts are not searched: they are only ever someone's context.
    if (index.searchable(id)) {
      if (counts[id] === 0) touched.push(id)
      counts[id] += c
    }
  }
  for (const list of [index.text.get(term), index.repeated.get(term)]) {
    if (!list) continue
    for (const p of list) {
      const id = p >>> 4
      const para = paragraphOf[id]
      if (id > 0 && paragraphOf[id - 1] === para) add(id - 1, p & 15)
      if (id + 1 < n && paragraphOf[id + 1] === para) add(id + 1, p & 15)
    }
  }
  const section = index.section.get(term)
  if (section) for (const p of section) add(p >>> 4, p & 15)
  const out = new Uint32Array(touched.length)
  touched.forEach((id, i) => {
    // Counts above 15 would spill into the id: capped, as in the index.
    out[i] = id * 16 + Math.min(counts[id], MAX_COUNT)
    counts[id] = 0
  })
  return out.sort()
}

export type Boost = { text: number; speaker: number; context: number }
export type Hit = { id: number; score: number }

/**
 * The facts matching any of the stems, best first: each field's BM25+ times its boost, summed over
 * the stems, times the number of stems matched (as MiniSearch's OR search ranks them; ties keep the
 * order MiniSearch finds them in: by first match).
 */
export function searchIndex(index: SearchIndex, stems: string[], boost: Boost, limit = Number.POSITIVE_INFINITY): Hit[] {
  const { term: termScore, total, terms, context: counts } = scratchOf(index)
  const order: number[] = []
  let termOrder: number[] = []
  const field = (postings: Uint32Array, f: 0 | 1 | 2, weight: number) => {
    const idf = idfOf(postings.length, index.count)
    const { norms } = index
    for (const p of postings) {
      const id = p >>> 4
      const tf = p & 15
      // MiniSearch's BM25+ with the length normalisation worked out at build: the same floats.
      const score = weight * (idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + norms[id * 3 + f])))
      if (termScore[id] === 0) {
        termOrder.push(id)
        termScore[id] = score
      } else termScore[id] += score
    }
  }
  for (const term of stems) {
    termOrder = []
    const text = index.text.get(term)
    if (text) field(text, 0, boost.text)
    const speaker = index.speaker.get(term)
    if (speaker) field(speaker, 1, boost.speaker)
    const context = contextPostings(index, term, counts)
    if (context.length) field(context, 2, boost.context)
    for (const id of termOrder) {
      if (terms[id] === 0) {
        order.push(id)
        total[id] = termScore[id]
      } else total[id] += termScore[id]
      terms[id]++
      termScore[id] = 0
    }
  }
  const scores = new Float64Array(order.length)
  order.forEach((id, i) => {
    scores[i] = total[id] * terms[id]
    total[id] = 0
    terms[id] = 0
  })
  // Only the best `limit` are wanted (and every fact tying with the last of them): sorting a few
  // thousand hits to read forty cost more than the search itself.
  const floor = limit < order.length ? Float64Array.from(scores).sort()[order.length - limit] : Number.NEGATIVE_INFINITY
  const hits: Hit[] = []
  order.forEach((id, i) => {
    if (scores[i] >= floor) hits.push({ id, score: scores[i] })
  })
  return hits.sort((a, b) => b.score - a.score)
}

/** How many searchable facts with ids in [start, end) use the stem: a binary search in its postings. */
export function countIn(index: SearchIndex, stem: string, start: number, end: number): number {
  const list = index.text.get(stem)
  if (!list) return 0
  return lowerBound(list, end * 16) - lowerBound(list, start * 16)
}

/** The first position in a postings list whose value is not below `value`. */
export function lowerBound(list: Uint32Array, value: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
