import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * Small statistics and timing helpers. Figures are always medians or percentiles over many
 * samples: one timing says more about the garbage collector than about the code.
 */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

export function median(samples: readonly number[]): number {
  if (!samples.length) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export type Summary = { n: number; p50: number; p99: number; max: number }

export function summarize(samples: readonly number[]): Summary {
  return { n: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: percentile(samples, 100) }
}

/** Runs `fn` once and returns how long it took in ms, plus its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

/**
 * A callable `gc()` even when node was started without --expose-gc (npm scripts run tsx with no
 * flags). Forcing a collection before reading heapUsed makes the memory figure the live size of
 * what was built, not whatever garbage happened to be pending.
 */
let gcFn: (() => void) | undefined
export function collectGarbage(): void {
  if (!gcFn) {
    const existing = (globalThis as { gc?: () => void }).gc
    if (existing) gcFn = existing
    else {
      setFlagsFromString('--expose-gc')
      gcFn = runInNewContext('gc') as () => void
    }
  }
  gcFn()
  gcFn()
}

/** Megabytes with one decimal. */
export function mb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10
}

/** Milliseconds shown with precision suited to their size. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 10) return `${ms.toFixed(1)} ms`
  return `${ms.toFixed(ms >= 1 ? 2 : 3)} ms`
}

/** Left-aligns the first column, right-aligns the others: readable in a terminal and in a PR. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n')
}
