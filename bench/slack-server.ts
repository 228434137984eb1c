/**
 * The servers `npm run bench:slack` loads, in a child process of their own so the load generator
 * never shares their event loop. Each listens on 127.0.0.1 and talks to the fake Slack the parent
 * runs on loopback:
 * - ours: the Slack adapter in HTTP mode over the real knowledge/, as `npm start` runs it (the
 *   core keeps its recent answers, the adapter its recent private answers as sent), asked the
 *   questions below: after the first round each answer is one kept, so this is the adapter's
 *   cost of a question asked again (parsing, rate limit, the kept answer);
 * - ours-uncached: the adapter again, keeping no answers (core recentAnswers: 0, adapter recentMessages: 0), asked
 *   the 71 dev questions (../shared/eval/dev-questions.json, when present): every request works
 *   its answer out, the cost of questions nobody asked before;
 * - bolt-ack: a bare Bolt app whose `/ask` handler only acks (the baseline the issue names);
 * - bolt-ack-answer: a bare Bolt app that acks with one fixed answer the adapter formatted at
 *   startup (about as many bytes as ours sends): Bolt's own cost of answering in the ack, so
 *   what ours spends above it is the adapter's work (parsing, rate limit, ask(), Block Kit);
 * - bolt-respond: a bare Bolt app that acks, then respond()s a fixed line: the "ack at once, the
 *   answer through response_url" pattern the adapter used before it answered in the ack.
 */
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { App, LogLevel } from '@slack/bolt'
import { answerMessage } from '../src/adapters/slack/format.js'
import { start } from '../src/adapters/slack/index.js'
import { stderrLogger } from '../src/adapters/slack/logger.js'
import { type Explainer, explainerFor } from '../src/core/explainer.js'
import { buildKnowledgeBase } from '../src/core/knowledge-base.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'
import { DEV_QUESTIONS, loadQuestions } from './inputs.js'

export type Target = 'ours' | 'ours-uncached' | 'bolt-ack' | 'bolt-ack-answer' | 'bolt-respond'
export type ServerReady = {
  ports: Record<Target, number>
  /** What each target is asked (the Bolt apps never read it). */
  questions: Record<Target, string[]>
  /** Where ours-uncached's questions come from. */
  uncachedSource: 'dev questions' | 'questions above'
}

const apiUrl = process.env.BENCH_SLACK_API_URL
const signingSecret = process.env.BENCH_SLACK_SIGNING_SECRET
const send = process.send?.bind(process)
if (!apiUrl || !signingSecret || !send) throw new Error('slack-server.ts is started by bench/slack.ts')

const kb = buildKnowledgeBase(loadKnowledge(fileURLToPath(new URL('../knowledge', import.meta.url))))
const explainer = explainerFor(kb)
const uncached = explainerFor(kb, { recentAnswers: 0 })
const quiet = () => stderrLogger(LogLevel.ERROR)

// The rate limiter runs as in production but never refuses: each of the bench's 200 askers asks
// far more often than 5 times in 30 s, and a "slow down" reply would be cheaper than an answer.
// Uncached keeps nothing anywhere: neither the core's answers nor the adapter's formatted ones.
const adapter = (over: Explainer, recentMessages?: number) =>
  start(
    over,
    { debug: false, slack: { botToken: 'xoxb-bench', mode: 'http', signingSecret, port: 0, apiUrl } },
    { host: '127.0.0.1', logger: quiet(), rateLimit: { limit: 1_000_000, windowMs: 1_000 }, ...(recentMessages === undefined ? {} : { recentMessages }) },
  )
const ours = await adapter(explainer)
const oursUncached = await adapter(uncached, 0)

// Questions the article answers, plus the overview and one it does not: a realistic mix.
// suggest() works to a deadline, as autocomplete must: asked again until it has no more to add.
function suggestions(limit: number): string[] {
  let found: string[] = []
  for (let tries = 0; tries < 20; tries++) {
    const more = explainer.suggest('', limit)
    if (more.length <= found.length) break
    found = more
  }
  return found
}
const questions = [...suggestions(20), 'summary', 'What is the weather on Mars?']
const hasDev = existsSync(DEV_QUESTIONS)

/** One real answer as the adapter sends it (the median by size), for the Bolt app that acks with a fixed message. */
const knownTitles = explainer.sources().map((s) => s.title)
const answers = questions.map((question) => ({
  response_type: 'ephemeral' as const,
  ...answerMessage(explainer.ask(question), { question, share: `ask:${question}`, knownTitles }),
}))
const fixedAnswer = answers.sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length)[answers.length >> 1]

/** A Bolt app with defaults (as a newcomer would write it) and one `/ask` handler. */
async function boltApp(reply: 'ack' | 'ack-answer' | 'respond'): Promise<{ app: App; port: number }> {
  const app = new App({ token: 'xoxb-bench', botId: 'B1', botUserId: 'UBOT', signingSecret, logger: quiet(), clientOptions: { slackApiUrl: apiUrl } })
  app.command('/ask', async (args) => {
    await args.ack(reply === 'ack-answer' ? fixedAnswer : undefined)
    if (reply === 'respond') await args.respond({ response_type: 'ephemeral', text: 'An answer.' })
  })
  const server = await app.start({ port: 0, host: '127.0.0.1' })
  return { app, port: (server.address() as AddressInfo).port }
}
const ackOnly = await boltApp('ack')
const ackAnswer = await boltApp('ack-answer')
const ackRespond = await boltApp('respond')

send({
  ports: {
    ours: ours.port ?? 0,
    'ours-uncached': oursUncached.port ?? 0,
    'bolt-ack': ackOnly.port,
    'bolt-ack-answer': ackAnswer.port,
    'bolt-respond': ackRespond.port,
  },
  questions: {
    ours: questions,
    'ours-uncached': hasDev ? loadQuestions(DEV_QUESTIONS) : questions,
    'bolt-ack': questions,
    'bolt-ack-answer': questions,
    'bolt-respond': questions,
  },
  uncachedSource: hasDev ? 'dev questions' : 'questions above',
} satisfies ServerReady)

async function stop(): Promise<void> {
  await Promise.allSettled([ours.stop(), oursUncached.stop(), ackOnly.app.stop(), ackAnswer.app.stop(), ackRespond.app.stop()])
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
