import { arch, cpus, platform } from 'node:os'
import { plural } from '../src/plural.js'
import type { ColdStart } from './cold-start.js'
import type { LatencyResult } from './measure.js'
import { fmtMs, type Summary, table } from './stats.js'
import type { StoreBench } from './store.js'

/**
 * What a run produced, in one plain object: printed as a table for people, as JSON with
 * `--json` for scripts (CI comparing runs, a README table regenerated).
 */
export type BenchResult = {
  mode: 'knowledge' | 'synthetic'
  machine: { cpus: number; cpuModel: string; node: string; platform: string }
  corpus: { source: string; articles: number; facts: number; searchable: number; questions: number }
  build: {
    runs: number
    prepareRuns: number
    /** Reading and parsing the Markdown (knowledge mode) or generating it (synthetic mode). */
    prepareMs: number
    buildMs: number
    /** The four explainer views of every article, from the built knowledge (not cached). */
    viewsMs: number
    heapUsedMB: number
    heapBaselineMB: number
    /** Writing the built index as a snapshot file, and loading it back (what a restart does). */
    saveMs: number
    loadMs: number
    savedMB: number
  }
  latency: LatencyResult
  ratio: { p50: number; p99: number }
  /** `explainer ask` from a cold process beside `node -e 0`, when measured. */
  coldStart?: ColdStart
  /** What the store adds to an answer, per backend, when measured. */
  store?: StoreBench
  goals: { ratio: number; askP99Ms: number }
  seconds: number
}

export function machine(): BenchResult['machine'] {
  const list = cpus()
  return { cpus: list.length, cpuModel: list[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${platform()} ${arch()}` }
}

const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : '—')

/** The cold-start row: in the full report, and alone with `--cold-only`. */
export function formatColdStart(c: ColdStart): string {
  return (
    `cold start, medians of ${c.runs} alternating runs: explainer ask ${fmtMs(c.askMs)}, node -e 0 ${fmtMs(c.nodeMs)}: ` +
    `${x(c.ratio)} (goal within ${c.goal}x: ${c.ratio <= c.goal ? 'met' : 'missed'})`
  )
}
const pct = (share: number) => `${(share * 100).toFixed(1)}%`

/** The store's rows: one column pair (p50, p99) per backend, the answer path's total first. */
function storeLines(s: StoreBench): string[] {
  const measured = s.backends.filter((b) => !b.skipped)
  const cell = (b: StoreBench['backends'][number], key: 'discordPath' | 'slackPath' | 'takeQuestion' | 'claimEvent' | 'logHeld' | 'logAwaited') => {
    const v = b[key]
    return v ? [fmtMs(v.p50), fmtMs(v.p99)] : ['—', '—']
  }
  const rows = [
    [`store, ${s.questions} questions`, ...measured.flatMap((b) => [`${b.name} p50`, 'p99'])],
    ['  store adds to an answer on Discord (rate limit beside the answer + log, not awaited)', ...measured.flatMap((b) => cell(b, 'discordPath'))],
    ['  store adds to an answer on Slack (retry check, then as on Discord)', ...measured.flatMap((b) => cell(b, 'slackPath'))],
    ['    takeQuestion (rate limit; memory without PostgreSQL), awaited', ...measured.flatMap((b) => cell(b, 'takeQuestion'))],
    ['    claimEvent (Slack retries; memory without PostgreSQL), awaited', ...measured.flatMap((b) => cell(b, 'claimEvent'))],
    ['    logQuestion not awaited: until the event loop is free', ...measured.flatMap((b) => cell(b, 'logHeld'))],
    ['  logQuestion awaited (the whole write, which no answer waits for)', ...measured.flatMap((b) => cell(b, 'logAwaited'))],
  ]
  const verdict = (v: Summary | undefined) => `${fmtMs(v?.p50 ?? Number.NaN)} (${(v?.p50 ?? Number.POSITIVE_INFINITY) < s.goalMs ? 'met' : 'missed'})`
  const verdicts = measured.map((b) => `${b.name} Discord ${verdict(b.discordPath)}, Slack ${verdict(b.slackPath)}`)
  const skipped = s.backends.filter((b) => b.skipped).map((b) => `${b.name} not measured: ${b.skipped}`)
  return [
    '',
    ...table(rows)
      .split('\n')
      .map((l) => l.trimEnd()),
    `store adds to an answer, p50 (goal under ${s.goalMs} ms): ${verdicts.join(', ')}`,
    ...skipped,
  ]
}

export function formatText(r: BenchResult): string {
  const { build: b, latency: l, corpus: c } = r
  const head = [
    `explainer bench: ${c.source} (${plural(c.articles, 'article')}, ${plural(c.facts, 'fact')}), ${plural(c.questions, 'question')} x ${l.rounds} rounds`,
    `machine: ${r.machine.cpus} CPUs (${r.machine.cpuModel}), Node ${r.machine.node}, ${r.machine.platform}`,
    '',
  ]
  const prepareLabel = r.mode === 'synthetic' ? 'generate + parse articles' : 'load + parse knowledge/'
  const buildRows = [
    ['build', 'runs', 'median'],
    [`  ${prepareLabel}`, String(b.prepareRuns), fmtMs(b.prepareMs)],
    ['  createExplainer (index build)', String(b.runs), fmtMs(b.buildMs)],
    ['  explainer views of every article (who, timeline, numbers, quotes)', String(b.runs), fmtMs(b.viewsMs)],
    [`  save index (${b.savedMB.toFixed(1)} MB file)`, '1', fmtMs(b.saveMs)],
    ['  load saved index (instead of a build)', '1', fmtMs(b.loadMs)],
    ['  heap used after build (after GC)', '', `${b.heapUsedMB.toFixed(1)} MB`],
    ['  heap used before loading anything', '', `${b.heapBaselineMB.toFixed(1)} MB`],
  ]
  const bare = l.probes.find((p) => p.name === 'bare')
  const latencyRows = [
    ['latency per question', 'calls', 'p50', 'p99', 'max', 'vs bare p50', 'matches p50'],
    ['ask(), first call per question (cold)', l.cold.n.toLocaleString('en-US'), fmtMs(l.cold.p50), fmtMs(l.cold.p99), fmtMs(l.cold.max), '', ''],
    ...l.probes.map((p) => [
      p.label,
      p.n.toLocaleString('en-US'),
      fmtMs(p.p50),
      fmtMs(p.p99),
      fmtMs(p.max),
      bare ? x(p.p50 / bare.p50) : '',
      p.matches === undefined ? '' : Math.round(p.matches).toLocaleString('en-US'),
    ]),
  ]
  const ask = l.probes.find((p) => p.name === 'ask')
  const ratioOk = r.ratio.p50 < r.goals.ratio && r.ratio.p99 < r.goals.ratio
  const p99Ok = (ask?.p99 ?? Number.POSITIVE_INFINITY) < r.goals.askP99Ms
  const tail = [
    '',
    `ratio ask() / bare search: p50 ${x(r.ratio.p50)}, p99 ${x(r.ratio.p99)} (goal under ${r.goals.ratio}x: ${ratioOk ? 'met' : 'missed'})`,
    `ask() p99 ${fmtMs(ask?.p99 ?? Number.NaN)} (goal under ${r.goals.askP99Ms} ms: ${p99Ok ? 'met' : 'missed'}); ` +
      `questions whose median ask() is over ${l.slowMs} ms: ${pct(l.slowShare)}`,
    ...(r.coldStart ? [formatColdStart(r.coldStart)] : []),
    ...(r.store ? storeLines(r.store) : []),
    `total bench time ${r.seconds.toFixed(1)} s`,
  ]
  // One table for both blocks so their columns line up.
  const width = latencyRows[0].length
  const pad = (row: string[]) => [...row, ...Array(width - row.length).fill('')]
  const lines = table([...buildRows.map(pad), pad(['']), ...latencyRows]).split('\n')
  return [...head, ...lines.map((s) => s.trimEnd()), ...tail].join('\n')
}
