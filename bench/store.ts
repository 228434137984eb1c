import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startWaitCheck } from '../src/adapters/shared/port.js'
import type { StoreConfig } from '../src/config.js'
import { openStore } from '../src/store/open-store.js'
import type { AskedQuestion } from '../src/store/store.js'
import { startCluster, whyNoCluster } from '../tests/support/postgres-cluster.js'
import { type Summary, summarize } from './stats.js'

/**
 * What the store adds to an answer, on an SQLite file and on a PostgreSQL cluster started for the
 * bench (durable, as deployed: fsync and synchronous commits on). On Slack an answer first awaits
 * the retry check (claimEvent); then the adapters start the rate limit (takeQuestion) and work
 * the answer out while it travels (startWaitCheck), awaiting it before sending; the question is
 * logged after the reply without being awaited, but what the write does on this thread still
 * holds the event loop (all of it for SQLite, whose driver is synchronous; building and sending
 * the query for PostgreSQL). The paths run the real startWaitCheck around a real answer (the
 * caller's `answer`), and what the store adds is each question's time less the same answer's
 * time without a store, taken per question, then their percentiles.
 */
export type StoreBackend = {
  name: 'SQLite' | 'PostgreSQL'
  /** Why it was not measured, when it was not. */
  skipped?: string
  /** logQuestion, awaited to the end (the write's full cost, which nobody waits for). */
  logAwaited?: Summary
  /** logQuestion called and not awaited: until the event loop is free again. */
  logHeld?: Summary
  takeQuestion?: Summary
  claimEvent?: Summary
  /** What the store adds to an answer, per question: the rate limit beside the answer's own work, then logHeld; on Slack claimEvent first. */
  discordPath?: Summary
  slackPath?: Summary
}

export type StoreBench = { questions: number; backends: StoreBackend[]; goalMs: number }

const T0 = Date.UTC(2026, 0, 1)

function asked(i: number): AskedQuestion {
  return {
    id: `bench-${i}-${Math.random().toString(36).slice(2)}`,
    at: T0 + i * 1000,
    platform: 'slack',
    place: 'T0BENCH',
    channel: `C0BENCH${i % 7}`,
    member: `U0BENCH${i % 50}`,
    question: 'What did the minister announce about the budget on Tuesday?',
    status: i % 4 ? 'answered' : 'not_found',
    refs: i % 4 ? ['Budget#12', 'Budget#13'] : [],
    ...(i % 4 ? { article: 'Budget' } : {}),
    latencyMs: 0.8,
  }
}

const untilLoopIsFree = () => new Promise<void>((resolve) => setImmediate(resolve))

/** One answer's work as the adapters do it (the core's ask of a bench question); none when the caller gives none. */
export type AnswerWork = (i: number) => void

async function measure(name: StoreBackend['name'], location: StoreConfig['location'], n: number, answer: AnswerWork): Promise<StoreBackend> {
  const lines: string[] = []
  const { store, shared } = await openStore(
    { store: { location, questionLog: true, retentionDays: 30 }, rateLimit: { limit: 5, windowMs: 30_000 } },
    { now: () => T0, log: (line) => lines.push(line) },
  )
  const logAwaited: number[] = []
  const logHeld: number[] = []
  const take: number[] = []
  const claim: number[] = []
  const discord: number[] = []
  const slack: number[] = []
  try {
    // Warm-up: the first statements prepare plans and open the pool's connections.
    for (let i = 0; i < 50; i++) await store.logQuestion(asked(-1 - i))
    for (let i = 0; i < n; i++) {
      const q = asked(i)
      const deps = { shared, platform: q.platform, now: () => q.at }
      let t = performance.now()
      await shared.claimEvent(`Ev${q.id}`, q.at)
      const c = performance.now() - t
      t = performance.now()
      await shared.takeQuestion(q.platform, q.member, q.at)
      take.push(performance.now() - t)
      // The answer alone, then the same answer with the rate limit travelling beside it.
      t = performance.now()
      answer(i)
      const alone = performance.now() - t
      t = performance.now()
      const pending = await startWaitCheck(deps, `${q.member}-path`)
      answer(i)
      await pending.decided
      const beside = performance.now() - t - alone
      t = performance.now()
      const writing = store.logQuestion(q)
      await untilLoopIsFree()
      const h = performance.now() - t
      await writing
      claim.push(c)
      logHeld.push(h)
      discord.push(beside + h)
      slack.push(c + beside + h)
      t = performance.now()
      await store.logQuestion(asked(n + i))
      logAwaited.push(performance.now() - t)
    }
  } finally {
    await store.close()
  }
  if (lines.length) throw new Error(`the ${name} store failed during the bench: ${lines[0]}`)
  return {
    name,
    logAwaited: summarize(logAwaited),
    logHeld: summarize(logHeld),
    takeQuestion: summarize(take),
    claimEvent: summarize(claim),
    discordPath: summarize(discord),
    slackPath: summarize(slack),
  }
}

export async function measureStore(n: number, progress: (line: string, final?: boolean) => void, answer: AnswerWork = () => {}): Promise<StoreBench> {
  const backends: StoreBackend[] = []
  const dir = mkdtempSync(join(tmpdir(), 'explainer-bench-store-'))
  try {
    progress(`store: ${n} questions on SQLite`)
    backends.push(await measure('SQLite', { file: join(dir, 'bench.db') }, n, answer))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const why = whyNoCluster()
  if (why) backends.push({ name: 'PostgreSQL', skipped: why })
  else {
    progress('store: starting a scratch PostgreSQL')
    const cluster = await startCluster({ durable: true })
    try {
      progress(`store: ${n} questions on PostgreSQL`)
      backends.push(await measure('PostgreSQL', { url: cluster.url }, n, answer))
    } finally {
      cluster.stop()
    }
  }
  progress(`store: ${n} questions on each backend`, true)
  return { questions: n, backends, goalMs: 1 }
}
