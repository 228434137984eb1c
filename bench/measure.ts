import { performance } from 'node:perf_hooks'
import { draftAnswer } from '../src/core/answer.js'
import { leadingStems } from '../src/core/candidates.js'
import type { Explainer } from '../src/core/explainer.js'
import { parseQuestion, type Question } from '../src/core/question.js'
import { rankFacts } from '../src/core/rank.js'
import { searchIndex } from '../src/core/search-index.js'
import { FIELD_BOOST } from '../src/core/search-options.js'
import { minisearchReference, REFERENCE_SEARCH } from './minisearch-reference.js'
import { median, type Summary, summarize } from './stats.js'

/**
 * Times `ask()` next to the MiniSearch searches it is built on, question by question. All probes
 * run interleaved on the same question before moving on, so a GC pause or a CPU-frequency change
 * hits every probe alike instead of skewing whichever happened to run in that second.
 */

/** A question with its search queries worked out once, outside the timed region. */
type Prepared = {
  raw: string
  parsed: Question
  /** Every stem of every concept: how the core would query if it did not pick rare stems. */
  conceptQuery: string[]
  /** The stems the core really searches with (candidates.ts leadingStems: rare ones lead). */
  leadQuery: string[]
}

type Probe = { name: string; label: string; run: (p: Prepared) => unknown; counts?: boolean }

export type ProbeResult = Summary & { name: string; label: string; matches?: number }

export type LatencyResult = {
  questions: number
  rounds: number
  /** Each question's very first ask(): pays for lazy work such as checking an article's suggestions. */
  cold: Summary
  probes: ProbeResult[]
  /** Share of questions whose median ask() over the rounds took longer than `slowMs`. */
  slowShare: number
  slowMs: number
}

function prepare(ex: Explainer, raw: string): Prepared {
  const parsed = parseQuestion(ex.knowledge, raw.trim())
  const stems = new Set<string>()
  for (const c of parsed.concepts) for (const s of c.stems) stems.add(s)
  return { raw, parsed, conceptQuery: [...stems], leadQuery: leadingStems(ex.knowledge, parsed) }
}

/**
 * The probes. "bare" is the reference the ask() ratio is taken against: a bare MiniSearch search of
 * the question's stems, on the index the core used before it indexed each sentence once
 * (minisearch-reference.ts), so the ratio compares with earlier runs. "index" is the same search
 * on the core's own index. The stage probes split ask() into its parts: parsing the question, the
 * core's candidate search, ranking (search + scoring), and draftAnswer (everything but follow-ups).
 */
function probes(ex: Explainer, stages: boolean): Probe[] {
  const kb = ex.knowledge
  const index = kb.index
  const reference = minisearchReference(kb)
  const base: Probe[] = [
    { name: 'ask', label: 'ask()', run: (p) => ex.ask(p.raw) },
    { name: 'bare', label: 'bare MiniSearch search (concept stems)', run: (p) => reference.search(p.conceptQuery.join(' '), REFERENCE_SEARCH), counts: true },
    { name: 'index', label: 'the same on the core index', run: (p) => searchIndex(index, p.conceptQuery, FIELD_BOOST), counts: true },
  ]
  if (!stages) return base
  return [
    ...base,
    { name: 'parse', label: '  parseQuestion', run: (p) => parseQuestion(kb, p.raw.trim()) },
    { name: 'lead', label: '  core search (leading stems)', run: (p) => searchIndex(index, p.leadQuery, FIELD_BOOST), counts: true },
    { name: 'rank', label: '  rankFacts (search + scoring)', run: (p) => rankFacts(kb, p.parsed) },
    // ask() minus this is what the follow-up questions cost.
    { name: 'draft', label: '  draftAnswer (ask without follow-ups)', run: (p) => draftAnswer(kb, p.raw) },
  ]
}

export type MeasureOptions = {
  rounds: number
  /** How many questions (cycling through the list) run through every probe untimed first: lets the JIT settle. */
  warmup: number
  stages: boolean
  slowMs: number
  onRound?: (round: number, rounds: number) => void
}

export function measureLatency(ex: Explainer, questions: string[], opts: MeasureOptions): LatencyResult {
  const prepared = questions.map((q) => prepare(ex, q))
  const list = probes(ex, opts.stages)
  const samples = list.map(() => [] as number[])
  const matches = list.map(() => [] as number[])
  const askByQuestion = prepared.map(() => [] as number[])

  // The cold pass: ask() is lazy (explainer.ts checks an article's suggestions the first time a
  // question lands on it), so first calls are timed apart and the rounds measure the steady state.
  const cold = prepared.map((p) => {
    const start = performance.now()
    ex.ask(p.raw)
    return performance.now() - start
  })
  for (let i = 0; i < opts.warmup && prepared.length; i++) for (const probe of list) probe.run(prepared[i % prepared.length])

  for (let round = 0; round < opts.rounds; round++) {
    opts.onRound?.(round, opts.rounds)
    prepared.forEach((p, qi) => {
      list.forEach((probe, k) => {
        const start = performance.now()
        const out = probe.run(p)
        const ms = performance.now() - start
        samples[k].push(ms)
        if (k === 0) askByQuestion[qi].push(ms)
        if (probe.counts && round === 0) matches[k].push((out as unknown[]).length)
      })
    })
  }
  opts.onRound?.(opts.rounds, opts.rounds)

  const slow = askByQuestion.filter((ts) => median(ts) > opts.slowMs).length
  return {
    questions: prepared.length,
    rounds: opts.rounds,
    cold: summarize(cold),
    probes: list.map((probe, k) => ({
      name: probe.name,
      label: probe.label,
      ...summarize(samples[k]),
      ...(probe.counts ? { matches: median(matches[k]) } : {}),
    })),
    slowShare: slow / prepared.length,
    slowMs: opts.slowMs,
  }
}
