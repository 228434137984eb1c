import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { createExplainer, type Explainer } from '../src/core/explainer.js'
import { assemble, mergedOf } from '../src/core/knowledge-base.js'
import type { Article } from '../src/core/types.js'
import { buildViews } from '../src/core/views/index.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'
import { readSavedIndex, saveIndex } from '../src/knowledge/saved-index.js'
import { type ColdStart, measureColdStart } from './cold-start.js'
import { benchQuestions, KNOWLEDGE_DIR, sourceArticles, squadQuestions } from './inputs.js'
import { measureLatency } from './measure.js'
import { type BenchResult, formatColdStart, formatText, machine } from './report.js'
import { collectGarbage, mb, median, timed } from './stats.js'
import { synthesizeArticles } from './synth.js'

/**
 * `npm run bench [-- --articles N] [--questions FILE] [--rounds N] [--builds N] [--cold N] [--cold-only] [--store N] [--json]`
 *
 * Default: the repo's knowledge/ and the dev questions (the bench's own seed questions when
 * ../shared is not there), 15 builds, 50 rounds, and 15 cold starts of `explainer ask` beside
 * `node -e 0`, and what the store adds to an answer over 500 questions on SQLite and on a scratch
 * PostgreSQL (about half a minute).
 * With --articles N: N synthetic articles (synth.ts) and the dev questions plus a spread sample
 * of the SQuAD questions, 2 builds and 3 rounds, because one build of 1,000 articles alone takes
 * ~20 s on 2 cores and the whole run should stay under ~3 minutes.
 * With --cold-only: just the cold-start row (the first question; 21 runs unless --cold N says).
 * Progress goes to stderr so stdout stays a clean table or JSON document.
 */

const USAGE = `usage: npm run bench -- [--knowledge DIR] [--articles N] [--questions FILE] [--rounds N] [--builds N] [--squad N] [--seed N] [--cold N] [--cold-only] [--store N] [--json]`

function readArgs() {
  try {
    return parseArgs({
      options: {
        articles: { type: 'string' },
        questions: { type: 'string' },
        rounds: { type: 'string' },
        builds: { type: 'string' },
        squad: { type: 'string' },
        seed: { type: 'string' },
        cold: { type: 'string' },
        store: { type: 'string' },
        knowledge: { type: 'string' },
        'cold-only': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`)
    process.exit(2)
  }
}
const values = readArgs()

function int(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name} must be a whole number >= ${min}\n${USAGE}\n`)
    process.exit(2)
  }
  return n
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}

const scale = values.articles !== undefined
const articleCount = int('articles', values.articles, 0)
const seed = int('seed', values.seed, 1, 0)
// Scale mode trades rounds for questions (~230 of them): still ~700 calls per percentile.
const rounds = int('rounds', values.rounds, scale ? 3 : 50)
const builds = int('builds', values.builds, scale ? 2 : 15)
const squadPerFile = int('squad', values.squad, 40, 0)
// Cold starts of the CLI (knowledge mode only: it answers from knowledge/); 0 skips them.
const coldRuns = int('cold', values.cold, scale ? 0 : values['cold-only'] ? 21 : 15, 0)
// Questions logged through the store (SQLite, then a scratch PostgreSQL when installed); 0 skips it.
const storeQuestions = int('store', values.store, scale ? 0 : 500, 0)

const isTty = process.stderr.isTTY
function progress(message: string, final = false): void {
  if (isTty) process.stderr.write(`\r\x1b[K${message}${final ? '\n' : ''}`)
  else if (final) process.stderr.write(`${message}\n`)
}

// A real archive beside the naive script (bench/archive.ts): its own report, then done.
if (values.knowledge !== undefined) {
  const { formatArchive, runArchive } = await import('./archive.js')
  const result = runArchive(values.knowledge, int('rounds', values.rounds, 3), (line, final) => progress(line, final))
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatArchive(result)}\n`)
  process.exit(0)
}

const started = performance.now()
collectGarbage()
const heapBaseline = process.memoryUsage().heapUsed

let questions: string[]
try {
  questions = benchQuestions(values.questions)
  if (scale && squadPerFile > 0) questions = [...questions, ...squadQuestions(squadPerFile)]
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`)
  process.exit(1)
}

// The cold start alone: a quick check of the one figure a change to the build or the start moves.
if (values['cold-only']) {
  const coldStart = measureColdStart(questions[0], coldRuns)
  process.stdout.write(values.json ? `${JSON.stringify(coldStart, null, 2)}\n` : `${formatColdStart(coldStart)}\n`)
  process.exit(0)
}

/** Article preparation, timed: reading knowledge/ from disk, or generating the synthetic archive. */
function prepareArticles(): Article[] {
  if (!scale) return loadKnowledge(KNOWLEDGE_DIR)
  const sources = sourceArticles()
  return synthesizeArticles(sources, articleCount, seed, (done) => progress(`generating articles ${done}/${articleCount}`, done === articleCount))
}

const prepareMs: number[] = []
const buildMs: number[] = []
let explainer: Explainer | undefined
let articles: Article[] = []
for (let run = 0; run < builds; run++) {
  // Drop the previous build first, so two indexes never share the heap and skew the next build.
  explainer = undefined
  collectGarbage()
  // Synthetic articles are generated once: the generator is not what is being measured.
  if (!scale || run === 0) {
    const prepared = timed(prepareArticles)
    prepareMs.push(prepared.ms)
    articles = prepared.value
  }
  const label = `build ${run + 1}/${builds}`
  // No answer cache: every timed ask() works its answer out, as a question never asked before does.
  const onProgress = scale ? (done: number, total: number) => progress(`${label}: indexed ${done}/${total} facts`) : undefined
  const built = timed(() => createExplainer(articles, onProgress, { recentAnswers: 0 }))
  if (scale) progress(`${label}: ${built.value.knowledge.facts.length} facts in ${(built.ms / 1000).toFixed(1)} s`, true)
  buildMs.push(built.ms)
  explainer = built.value
}
if (!explainer) throw new Error('no build ran')
const ex = explainer

collectGarbage()
const heapUsed = process.memoryUsage().heapUsed

// The explainer views of every article (who's who, timeline, numbers, quotes), worked out afresh
// each run: the views are kept once made, so this is what the first /explain of each article costs.
progress('building the explainer views')
const viewsMs: number[] = []
for (let run = 0; run < builds; run++) viewsMs.push(timed(() => [...ex.knowledge.articles.keys()].map((slug) => buildViews(ex.knowledge, slug))).ms)

// What a restart of a large archive costs with the saved index (src/knowledge/saved-index.ts).
progress('saving and loading the index')
const snapshotFile = join(mkdtempSync(join(tmpdir(), 'explainer-bench-')), 'index.json')
const entries = new Map(ex.knowledge.compiled.map((unit) => [unit.info.slug, { stamp: '', unit }]))
const saved = timed(() => saveIndex(snapshotFile, 'bench', entries, mergedOf(ex.knowledge)))
const savedMB = mb(statSync(snapshotFile).size)
const loaded = timed(() => {
  const { entries: read, merged } = readSavedIndex(snapshotFile, 'bench')
  return assemble(
    [...read.values()].map((e) => e.unit),
    merged,
  )
})
rmSync(snapshotFile)
progress(`saved index: ${savedMB.toFixed(1)} MB, loaded in ${(loaded.ms / 1000).toFixed(2)} s`, true)

progress(`timing ${questions.length} questions: first calls and warm-up`)
const latency = measureLatency(ex, questions, {
  rounds,
  // A full untimed pass in the default mode; at scale a sample is enough to settle the JIT.
  warmup: scale ? Math.min(40, questions.length) : questions.length,
  stages: true,
  slowMs: 20,
  onRound: (round, total) => progress(`timing ${questions.length} questions: round ${round}/${total}`, round === total),
})

let coldStart: ColdStart | undefined
if (coldRuns > 0) {
  progress(`timing ${coldRuns} cold starts of explainer ask beside node -e 0`)
  coldStart = measureColdStart(questions[0], coldRuns)
  progress(`cold start: explainer ask ${coldStart.askMs.toFixed(0)} ms, node -e 0 ${coldStart.nodeMs.toFixed(0)} ms`, true)
}

const store =
  storeQuestions > 0 ? await (await import('./store.js')).measureStore(storeQuestions, progress, (i) => ex.ask(questions[i % questions.length])) : undefined

const ask = latency.probes.find((p) => p.name === 'ask')
const bare = latency.probes.find((p) => p.name === 'bare')
const kb = ex.knowledge
const result: BenchResult = {
  mode: scale ? 'synthetic' : 'knowledge',
  machine: machine(),
  corpus: {
    source: scale ? `${articleCount} synthetic articles (seed ${seed})` : 'knowledge/',
    articles: kb.articles.size,
    facts: kb.facts.length,
    searchable: kb.searchableCount,
    questions: questions.length,
  },
  build: {
    runs: builds,
    prepareRuns: prepareMs.length,
    prepareMs: median(prepareMs),
    buildMs: median(buildMs),
    viewsMs: median(viewsMs),
    heapUsedMB: mb(heapUsed),
    heapBaselineMB: mb(heapBaseline),
    saveMs: saved.ms,
    loadMs: loaded.ms,
    savedMB,
  },
  latency,
  ratio: { p50: (ask?.p50 ?? Number.NaN) / (bare?.p50 ?? Number.NaN), p99: (ask?.p99 ?? Number.NaN) / (bare?.p99 ?? Number.NaN) },
  ...(coldStart ? { coldStart } : {}),
  ...(store ? { store } : {}),
  goals: { ratio: 3, askP99Ms: 20 },
  seconds: (performance.now() - started) / 1000,
}

process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatText(result)}\n`)
