/**
 * The servers `npm run bench:slack` loads, in a child process of their own so the load generator
 * never shares their event loop. Each listens on 127.0.0.1 and talks to the fake Slack the parent
 * runs on loopback:
 * - ours: the Slack adapter in HTTP mode over the real knowledge/;
 * - bolt-ack: a bare Bolt app whose `/ask` handler only acks (the baseline the issue names);
 * - bolt-respond: a bare Bolt app that acks, then respond()s a fixed line: the same pattern as
 *   ours (ack at once, the answer through response_url) with no answering at all;
 * - ours-memo: the adapter again, over a core whose answers are memoized, so that what is left
 *   above bolt-respond is the adapter's own cost (a diagnostic: the real bot has no such cache).
 */
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { App, LogLevel } from '@slack/bolt'
import { start } from '../adapters/slack/index.js'
import { stderrLogger } from '../adapters/slack/logger.js'
import { createExplainer, type Explainer } from '../core/explainer.js'
import type { Answer } from '../core/types.js'
import { loadKnowledge } from '../knowledge/load-knowledge.js'

export type Target = 'ours' | 'ours-memo' | 'bolt-ack' | 'bolt-respond'
export type ServerReady = { ports: Record<Target, number>; questions: string[] }

const apiUrl = process.env.BENCH_SLACK_API_URL
const signingSecret = process.env.BENCH_SLACK_SIGNING_SECRET
const send = process.send?.bind(process)
if (!apiUrl || !signingSecret || !send) throw new Error('slack-server.ts is started by src/bench/slack.ts')

const explainer = createExplainer(loadKnowledge(fileURLToPath(new URL('../../knowledge', import.meta.url))))
const quiet = () => stderrLogger(LogLevel.ERROR)

// The rate limiter runs as in production but never refuses: each of the bench's 200 askers asks
// far more often than 5 times in 30 s, and a "slow down" reply would be cheaper than an answer.
const adapter = (over: Explainer) =>
  start(
    over,
    { debug: false, slack: { botToken: 'xoxb-bench', mode: 'http', signingSecret, port: 0, apiUrl } },
    { host: '127.0.0.1', logger: quiet(), rateLimit: { limit: 1_000_000, windowMs: 1_000 } },
  )
const ours = await adapter(explainer)
const answers = new Map<string, Answer>()
const memoized: Explainer = {
  ...explainer,
  ask(question) {
    const known = answers.get(question)
    if (known) return known
    const answer = explainer.ask(question)
    answers.set(question, answer)
    return answer
  },
}
const oursMemo = await adapter(memoized)

/** A Bolt app with defaults (as a newcomer would write it) and one `/ask` handler. */
async function boltApp(respond: boolean): Promise<{ app: App; port: number }> {
  const app = new App({ token: 'xoxb-bench', botId: 'B1', botUserId: 'UBOT', signingSecret, logger: quiet(), clientOptions: { slackApiUrl: apiUrl } })
  app.command('/ask', async (args) => {
    await args.ack()
    if (respond) await args.respond({ response_type: 'ephemeral', text: 'An answer.' })
  })
  const server = await app.start({ port: 0, host: '127.0.0.1' })
  return { app, port: (server.address() as AddressInfo).port }
}
const ackOnly = await boltApp(false)
const ackRespond = await boltApp(true)

// Questions the article answers, plus the overview and one it does not: a realistic mix.
const questions = [...explainer.suggest('', 20), 'summary', 'What is the weather on Mars?']
send({
  ports: { ours: ours.port ?? 0, 'ours-memo': oursMemo.port ?? 0, 'bolt-ack': ackOnly.port, 'bolt-respond': ackRespond.port },
  questions,
} satisfies ServerReady)

async function stop(): Promise<void> {
  await Promise.allSettled([ours.stop(), oursMemo.stop(), ackOnly.app.stop(), ackRespond.app.stop()])
  process.exit(0)
}
process.on('message', (m) => {
  if (m === 'stop') void stop()
  // CPU time is what a load costs this process, whatever else the machine is running.
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage()
    send({ cpuMicros: user + system })
  }
})
process.on('disconnect', () => void stop())
