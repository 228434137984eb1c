import type { BuildProgress } from '../core/knowledge-base.js'
import { num } from '../plural.js'

/** Above this many articles a build takes long enough to say what is happening as it goes. */
const MANY_ARTICLES = 200
/** Above this many sentences the build is worth a closing line. */
const MANY_FACTS = 2_000
/** On a terminal even a smaller build earns a progress line once it has taken this long. */
const SLOW_MS = 1_000
const REDRAW_MS = 100
/** In a log (stderr not a terminal) a line this often at most: progress must not flood it. */
const LOG_EVERY_MS = 2_000

/**
 * Milliseconds on a clock that never goes back. Not performance.now(): its first use loads Node's
 * perf_hooks modules, ~1 ms of every `explainer ask`, which reports no progress at all.
 */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6

export type ProgressReporter = { onProgress: BuildProgress; finish(sentences: number): void }

/**
 * Reports index building on stderr, never stdout: stdout carries answers and JSON that other
 * programs read. On a terminal one line is redrawn in place; in a log, lines are spaced out.
 */
export function progressReporter(stderr: NodeJS.WriteStream, now: () => number = monotonicMs): ProgressReporter {
  const started = now()
  const tty = stderr.isTTY === true
  let shown = false
  let lastWrite = Number.NEGATIVE_INFINITY
  let lastDone = -1
  let total = 0

  return {
    onProgress(done, all) {
      total = all
      const t = now()
      const worthShowing = shown || all > MANY_ARTICLES || (tty && t - started > SLOW_MS)
      if (!worthShowing || done === lastDone) return
      // On a terminal the line is redrawn often and reaches the end; in a log, lines are spaced
      // out and "all done" is left to finish(), which says how long it took.
      const due = tty ? t - lastWrite >= REDRAW_MS || done === all : t - lastWrite >= LOG_EVERY_MS && !(shown && done === all)
      if (!due) return
      const line = `explainer: indexing ${num(done)}/${num(all)} articles…`
      stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`)
      shown = true
      lastWrite = t
      lastDone = done
    },
    finish(sentences) {
      if (!shown && sentences <= MANY_FACTS) return
      const seconds = ((now() - started) / 1000).toFixed(1)
      stderr.write(`${tty ? '\r\x1b[K' : ''}explainer: indexed ${num(sentences)} sentences${total > 1 ? ` of ${num(total)} articles` : ''} in ${seconds} s\n`)
    },
  }
}
