/**
 * `npx tsx bench/slack-store.ts [N]`: what the store costs a member, seen from Slack. Signed `/ask`
 * commands go one at a time to the real adapter in HTTP mode (fake Slack on loopback), started
 * five ways in this one process: without a store; with an SQLite file; with a scratch PostgreSQL
 * (its durable defaults, as `openStore` connects to it) for both the log and the shared state; and
 * with PostgreSQL for the log only and for the shared state only, to tell the two apart. The
 * targets take turns question by question, so a neighbour's load on the machine weighs on all
 * alike. Each figure is the round trip of the HTTP request, whose reply (the ack) carries the
 * answer: the log is written after it, unawaited; the rate limit is decided before the answer is sent.
 * Without PostgreSQL's binaries only the first two run. bench/store.ts measures the store's own
 * calls (`npm run bench`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { LogLevel } from '@slack/bolt'
import { type RunningSlack, type SlackAdapterOptions, start } from '../src/adapters/slack/index.js'
import { stderrLogger } from '../src/adapters/slack/logger.js'
import type { Config } from '../src/config.js'
import { createExplainer } from '../src/core/explainer.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'
import { type OpenedStore, openStore } from '../src/store/open-store.js'
import { startFakeSlack } from '../tests/slack/fake-slack.js'
import { FORM, SIGNING_SECRET, signed, slashCommandBody } from '../tests/slack/signed.js'
import { type Cluster, startCluster, whyNoCluster } from '../tests/support/postgres-cluster.js'
import { percentile } from './stats.js'

const rounds = Number(process.argv[2] ?? 500)
const explainer = createExplainer(loadKnowledge('knowledge'))
const fake = await startFakeSlack({ record: false })
const folder = mkdtempSync(join(tmpdir(), 'explainer-bench-store-'))
const log = (line: string) => process.stderr.write(`${line}\n`)
const storeConfig = (location: { file: string } | { url: string }) => ({ store: { location, questionLog: true, retentionDays: 30 } })

const why = whyNoCluster()
if (why) process.stderr.write(`PostgreSQL: ${why}; measuring without it\n`)
const cluster: Cluster | undefined = why ? undefined : await startCluster({ durable: true })
const sqlite = await openStore(storeConfig({ file: join(folder, 'explainer.db') }), { now: Date.now, log })
const postgres: OpenedStore | undefined = cluster ? await openStore(storeConfig({ url: cluster.url }), { now: Date.now, log }) : undefined

const config: Config = { debug: false, slack: { botToken: 'xoxb-bench', mode: 'http', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl } }
// A limit no one reaches: a "slow down" would cost less than an answer. No kept answers: every request asks the core.
const base: SlackAdapterOptions = { host: '127.0.0.1', logger: stderrLogger(LogLevel.ERROR), rateLimit: { limit: 1e9, windowMs: 1_000 }, recentMessages: 0 }
const targets: [string, RunningSlack][] = [
  ['no store', await start(explainer, config, base)],
  ['SQLite', await start(explainer, config, { ...base, ...sqlite })],
]
if (postgres)
  targets.push(
    ['PostgreSQL', await start(explainer, config, { ...base, ...postgres })],
    ['PostgreSQL log only', await start(explainer, config, { ...base, store: postgres.store })],
    ['PostgreSQL shared state only', await start(explainer, config, { ...base, shared: postgres.shared })],
  )

const questions = ['Who is Andrew Selee?', 'What is the weather on Mars?', 'Who is Alicia Bárcena?', 'summary']
const times = new Map<string, number[]>(targets.map(([name]) => [name, []]))
for (let i = 0; i < rounds; i++)
  for (const [name, running] of targets) {
    // A member per question: the limit never refuses, and every member is hashed anew.
    const request = signed(slashCommandBody({ text: questions[i % questions.length], user_id: `U${i}`, response_url: fake.responseUrl('bench') }), FORM)
    const started = performance.now()
    const reply = await fetch(`http://127.0.0.1:${running.port}/slack/events`, { method: 'POST', headers: request.headers, body: request.body })
    await reply.text()
    times.get(name)?.push(performance.now() - started)
  }

const none = percentile(times.get('no store') ?? [], 50)
console.log(`/ask round trip, ${rounds} questions each, one at a time (ms)`)
for (const [name, samples] of times) {
  const p50 = percentile(samples, 50)
  const more = name === 'no store' ? '' : `  (+${(p50 - none).toFixed(2)} at p50)`
  console.log(`${name.padEnd(30)} p50 ${p50.toFixed(2)}  p90 ${percentile(samples, 90).toFixed(2)}${more}`)
}

for (const [, running] of targets) await running.stop()
await sqlite.store.close()
await postgres?.store.close()
await fake.close()
cluster?.stop()
rmSync(folder, { recursive: true, force: true })
