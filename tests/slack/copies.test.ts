/**
 * Two copies of the Slack bot in HTTP mode behind one load balancer, sharing one PostgreSQL (each
 * with its own pool, as two processes would be) and one fake Slack: a retried event reaching the
 * other copy is answered once, and a member's questions alternating between the copies are
 * counted together. The same two copies without the database show the gap this closes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { openStore } from '../../src/store/open-store.js'
import { postgresDatabase, postgresServer } from '../support/databases.js'
import { type FakeSlack, startFakeSlack } from './fake-slack.js'
import { ackedMessage, mentionEvent, type SlackTestApp, startSlackTestApp } from './harness.js'
import { visibleText } from './inspect.js'

const explainer = createExplainer(loadKnowledge('knowledge'))
/** RATE_LIMIT=5/30. */
const RATE = { limit: 5, windowMs: 30_000 }
/** The copies' clock, mid-window and still: the ten questions fall in one 30-second window. */
const clock = Date.UTC(2026, 10, 29, 9, 0, 10)
const now = () => clock

const open: { close(): Promise<unknown> }[] = []
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close()
})

/** Two copies on one fake Slack; with `url`, each opens the store on it as `start` would. */
async function twoCopies(url?: string): Promise<{ copies: SlackTestApp[]; fake: FakeSlack }> {
  const fake = await startFakeSlack()
  open.push(fake)
  const copy = async () => {
    const services = url
      ? await openStore({ store: { location: { url }, questionLog: true, retentionDays: 30 }, rateLimit: RATE }, { now, log: () => {} })
      : undefined
    if (services) open.push(services.store)
    const app = await startSlackTestApp(explainer, { now, ...(services ?? {}) }, { rateLimit: RATE }, fake)
    open.push(app)
    return app
  }
  return { copies: [await copy(), await copy()], fake }
}

/** The same event, delivered to both copies at once (Slack's retry reaching the other one); how many answers it got. */
async function deliverToBoth([a, b]: SlackTestApp[], fake: FakeSlack, eventId: string): Promise<number> {
  const ts = a.nextTs()
  const event = mentionEvent('Who is Andrew Selee?', ts, 'U0RETRIED')
  await Promise.all([a.event(event, { eventId }), b.event(event, { eventId, retryNum: 1 })])
  await Promise.all([a.settle(), b.settle()])
  return fake.captured.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts).length
}

/** Ten `/ask`s from one member, alternating between the copies; what each ack said. */
async function tenAlternating([a, b]: SlackTestApp[]): Promise<string[]> {
  const said: string[] = []
  for (let i = 0; i < 10; i++) {
    const reply = ackedMessage(await [a, b][i % 2].command(`Who is Andrew Selee? (${i})`, 'U0BUSY'))
    said.push(/slow down/i.test(visibleText(reply)) ? 'slow down' : 'answer')
  }
  return said
}

describe.skipIf(!postgresServer())('two Slack copies on one PostgreSQL (DATABASE_URL)', () => {
  it('answer an event delivered to both once', async () => {
    const { copies, fake } = await twoCopies(await postgresDatabase())
    expect(await deliverToBoth(copies, fake, 'Ev-both-pg')).toBe(1)
  })

  it('give ten questions from one member, alternating between them with RATE_LIMIT=5/30, five answers and five slow-downs', async () => {
    const { copies } = await twoCopies(await postgresDatabase())
    const said = await tenAlternating(copies)
    expect(said.filter((s) => s === 'answer')).toHaveLength(5)
    expect(said.slice(5)).toEqual(Array(5).fill('slow down'))
  })
})

describe('two Slack copies without a database (the gap)', () => {
  it('each answer an event delivered to both, and each lets the member ask five times', async () => {
    const { copies, fake } = await twoCopies()
    expect(await deliverToBoth(copies, fake, 'Ev-both-memory')).toBe(2)
    expect((await tenAlternating(copies)).filter((s) => s === 'answer')).toHaveLength(10)
  })
})
