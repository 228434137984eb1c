import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createExplainer } from '../src/core/explainer.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'
import { loadQuestions, SQUAD_DIR, squadQuestions } from './inputs.js'
import { measureLatency } from './measure.js'
import { fmtMs, median, table } from './stats.js'

/**
 * `npm run bench -- --knowledge DIR`: the bot on a real archive beside the naive script
 * (bench/naive.ts, "MiniSearch over every sentence"), in one run. Starts are timed in processes
 * of their own, alternating, so their peak memory is their own and a busy machine slows all alike:
 * the naive script's full build, the bot's first build (compiles and saves the index) and its
 * start from the saved index (bench/start-probe.ts), each by the clock and in CPU time (on a
 * shared machine the clock also counts the time other programs had the CPU). Then, in this process: ask() p50/p99 over a
 * spread sample of the SQuAD questions, and the share of answers to every SQuAD question whose
 * first citation comes from the question's own article (the SQuAD articles must be in DIR).
 */

const HERE = dirname(fileURLToPath(import.meta.url))

type Probe = { ms: number; cpuMs: number; peakRssMB: number }

function child(script: string, args: string[]): Probe {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 })
  if (run.status !== 0) throw new Error(`${script} exited ${run.status}: ${run.stderr.trim()}`)
  const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { ms?: number; buildMs?: number; cpuMs: number; peakRssMB: number }
  return { ms: out.ms ?? out.buildMs ?? Number.NaN, cpuMs: out.cpuMs, peakRssMB: out.peakRssMB }
}

export type ArchiveResult = {
  dir: string
  articles: number
  facts: number
  rounds: number
  naive: { buildMs: number; cpuMs: number; peakRssMB: number }
  firstBuild: Probe
  savedStart: Probe
  ask: { questions: number; p50: number; p99: number }
  rightArticle: { answered: number; right: number; share: number; perArticle: Record<string, { answered: number; right: number }> }
}

const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-')

export function runArchive(dir: string, rounds: number, progress: (line: string, final?: boolean) => void): ArchiveResult {
  const naive: Probe[] = []
  const first: Probe[] = []
  const saved: Probe[] = []
  for (let r = 0; r < rounds; r++) {
    const cache = mkdtempSync(join(tmpdir(), 'explainer-archive-'))
    progress(`round ${r + 1}/${rounds}: naive script`)
    naive.push(child('naive.ts', [dir]))
    progress(`round ${r + 1}/${rounds}: first build`)
    first.push(child('start-probe.ts', [dir, cache]))
    progress(`round ${r + 1}/${rounds}: start from the saved index`)
    saved.push(child('start-probe.ts', [dir, cache]))
    rmSync(cache, { recursive: true, force: true })
  }
  const med = (list: Probe[]): Probe => ({
    ms: median(list.map((p) => p.ms)),
    cpuMs: median(list.map((p) => p.cpuMs)),
    peakRssMB: median(list.map((p) => p.peakRssMB)),
  })

  progress('building in this process for ask() timings')
  const ex = createExplainer(loadKnowledge(dir), undefined, { recentAnswers: 0 })
  const questions = squadQuestions(40)
  const latency = measureLatency(ex, questions, { rounds: 3, warmup: 40, stages: false, slowMs: 20 })
  const ask = latency.probes.find((p) => p.name === 'ask')

  progress('asking every SQuAD question')
  const perArticle: ArchiveResult['rightArticle']['perArticle'] = {}
  let answered = 0
  let right = 0
  for (const name of existsSync(SQUAD_DIR) ? squadFolders() : []) {
    const slug = slugOf(name)
    if (!ex.knowledge.articles.has(slug)) continue
    const mine = { answered: 0, right: 0 }
    for (const q of loadQuestions(join(SQUAD_DIR, `${name}.questions.json`))) {
      const a = ex.ask(q)
      if (a.status !== 'answered' || !a.citations.length) continue
      mine.answered++
      if (a.citations[0].ref.split('#')[0] === slug) mine.right++
    }
    perArticle[slug] = mine
    answered += mine.answered
    right += mine.right
  }
  progress('done', true)
  return {
    dir,
    articles: ex.knowledge.articles.size,
    facts: ex.knowledge.facts.length,
    rounds,
    naive: { buildMs: med(naive).ms, cpuMs: med(naive).cpuMs, peakRssMB: med(naive).peakRssMB },
    firstBuild: med(first),
    savedStart: med(saved),
    ask: { questions: questions.length, p50: ask?.p50 ?? Number.NaN, p99: ask?.p99 ?? Number.NaN },
    rightArticle: { answered, right, share: answered ? right / answered : Number.NaN, perArticle },
  }
}

function squadFolders(): string[] {
  return readdirSync(SQUAD_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
}

const x = (r: number) => `${r.toFixed(2)}x`
const mbs = (n: number) => `${n.toFixed(0)} MB`

export function formatArchive(r: ArchiveResult): string {
  const n = r.naive
  const rows = [
    ['', 'bot', 'naive script', 'ratio', 'target'],
    ['start from the saved index', fmtMs(r.savedStart.ms), fmtMs(n.buildMs), x(r.savedStart.ms / n.buildMs), '<= 0.5x'],
    ['  the same in CPU time', fmtMs(r.savedStart.cpuMs), fmtMs(n.cpuMs), x(r.savedStart.cpuMs / n.cpuMs), ''],
    ['first build (compiles, saves)', fmtMs(r.firstBuild.ms), fmtMs(n.buildMs), x(r.firstBuild.ms / n.buildMs), '<= 2x'],
    ['  the same in CPU time', fmtMs(r.firstBuild.cpuMs), fmtMs(n.cpuMs), x(r.firstBuild.cpuMs / n.cpuMs), ''],
    ['peak memory, saved-index start', mbs(r.savedStart.peakRssMB), mbs(n.peakRssMB), x(r.savedStart.peakRssMB / n.peakRssMB), '<= 1.5x'],
    ['peak memory, first build', mbs(r.firstBuild.peakRssMB), mbs(n.peakRssMB), x(r.firstBuild.peakRssMB / n.peakRssMB), '<= 1.5x'],
    ['ask() p50 / p99', `${fmtMs(r.ask.p50)} / ${fmtMs(r.ask.p99)}`, '', '', 'p99 < 5 ms'],
  ]
  const ra = r.rightArticle
  return [
    `archive: ${r.dir}: ${r.articles.toLocaleString('en-US')} articles, ${r.facts.toLocaleString('en-US')} sentences; medians of ${r.rounds} alternating runs`,
    table(rows),
    '',
    ra.answered
      ? `answers from the question's own article: ${ra.right}/${ra.answered} (${(100 * ra.share).toFixed(1)}%; target >= 90%) over every SQuAD question answered`
      : 'answers from the right article: not measured (put the SQuAD article folders of ../shared/eval/squad2 in DIR too)',
    ...Object.entries(ra.perArticle).map(([slug, a]) => `  ${slug}: ${a.right}/${a.answered}`),
    `ask() timed over ${r.ask.questions} SQuAD questions`,
  ].join('\n')
}
