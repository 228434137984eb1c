import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { REPO_ROOT } from './inputs.js'
import { median } from './stats.js'

/**
 * What one `explainer ask` costs from a cold process (start Node, load the program and the
 * knowledge, answer, exit), beside an empty `node -e 0` timed in the same run, alternating, so
 * a busy machine slows both alike. The goal is within 2x of the empty Node start.
 */
export type ColdStart = { runs: number; nodeMs: number; askMs: number; ratio: number; goal: number }

const BIN = join(REPO_ROOT, 'bin', 'explainer.js')

function wall(args: string[]): number {
  const t = performance.now()
  const run = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
  })
  const ms = performance.now() - t
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.toString().trim()}`)
  return ms
}

export function measureColdStart(question: string, runs: number): ColdStart {
  const node: number[] = []
  const ask: number[] = []
  // One untimed run each: the first touches the disk cache.
  wall(['-e', '0'])
  wall([BIN, 'ask', question])
  for (let i = 0; i < runs; i++) {
    node.push(wall(['-e', '0']))
    ask.push(wall([BIN, 'ask', question]))
  }
  const nodeMs = median(node)
  const askMs = median(ask)
  return { runs, nodeMs, askMs, ratio: askMs / nodeMs, goal: 2 }
}
