/**
 * The Slack adapter and the store, end to end: a real Bolt app in HTTP mode against the fake
 * Slack, logging into a real SQLite store. What was asked is logged after the answer went out,
 * with every id hashed; 👍/👎 clicks are stored; a store that is down costs the member nothing; a
 * malformed or unknown vote button never breaks the bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { memoryState } from '../../src/store/memory-state.js'
import type { SharedState } from '../../src/store/store.js'
import { eventually, openTestStore, type TestStore, throwingStore } from '../support/adapter-store.js'
import type { Captured } from './fake-slack.js'
import { ackedMessage, dmEvent, type SlackTestApp, startSlackTestApp } from './harness.js'
import { buttonsOf, visibleText } from './inspect.js'
import { TEAM } from './signed.js'

/** The core over the repository's own article. */
const explainer = createExplainer(loadKnowledge('knowledge'))
const byResponse = (id: string) => (c: Captured) => c.method === 'response_url' && c.responseId === id
const voteValue = (c: Captured) => buttonsOf(c).find((b) => b.action_id === 'vote_up')?.value ?? ''

async function vote(slack: SlackTestApp, actionId: string, value: string, user: string, ephemeral = false): Promise<Captured> {
  const click = await slack.click({ actionId, value, user, channel: 'C1', ...(ephemeral ? { ephemeral } : { message: { ts: slack.nextTs() } }) })
  return slack.fake.waitFor(byResponse(click.responseId), `the reply to ${actionId}`)
}

describe('with a working store', () => {
  let store: TestStore
  let slack: SlackTestApp
  beforeAll(async () => {
    store = await openTestStore()
    slack = await startSlackTestApp(explainer, { rateLimit: { limit: 1_000 }, store: store.store })
  })
  afterAll(async () => {
    await slack?.close()
    await store?.close()
  })
  const rows = () => store.db.selectFrom('questions').selectAll().orderBy('asked_at').execute()

  it('logs /ask, a mention and a DM after their answers, with status and refs; no workspace, channel or member id in clear', async () => {
    const asker = 'U0ASKER4471'
    const answered = ackedMessage(await slack.command('Who is Andrew Selee?', asker))
    const id = voteValue(answered)
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const thread = await slack.mention('What is the boiling point of mercury on Jupiter?', asker)
    expect(buttonsOf(thread).map((b) => b.action_id)).toContain('vote_down')
    await slack.event(dmEvent('Who is Alicia Bárcena?', slack.nextTs(), 'D0PRIVATE8812', asker))
    const logged = await eventually(rows, (r) => r.length === 3, 'three logged questions')
    expect(logged[0]).toMatchObject({ id, platform: 'slack', question: 'Who is Andrew Selee?', status: 'answered' })
    expect(JSON.parse(logged[0].refs).length).toBeGreaterThan(0)
    expect(logged[1]).toMatchObject({ question: 'What is the boiling point of mercury on Jupiter?', status: 'not_found', refs: '[]' })
    expect(logged[2]).toMatchObject({ question: 'Who is Alicia Bárcena?', status: 'answered' })
    expect(new Set(logged.map((r) => r.member)).size).toBe(1)
    expect(logged[0].channel).toBe(logged[1].channel)
    expect(logged[2].channel).not.toBe(logged[0].channel)
    const dump = await store.dump()
    for (const clear of [asker, TEAM, 'C1', 'D0PRIVATE8812']) expect(dump).not.toContain(clear)
  })

  it('logs an overlong question as invalid, with no 👍/👎 under the refusal', async () => {
    const long = `Why ${'really '.repeat(100)}so?`
    const reply = ackedMessage(await slack.command(long, 'U0LONG'))
    expect(buttonsOf(reply).filter((b) => b.action_id.startsWith('vote_'))).toEqual([])
    await eventually(
      () => store.db.selectFrom('questions').select('status').where('question', '=', long).execute(),
      (r) => r.length === 1 && r[0].status === 'invalid',
      'the invalid question logged',
    )
  })

  it('logs an /ask answered from the kept answers too, under its own id', async () => {
    const question = 'Who is Maureen Meyer?'
    const ids = [voteValue(ackedMessage(await slack.command(question, 'U31'))), voteValue(ackedMessage(await slack.command(question, 'U32')))]
    expect(ids[0]).not.toBe(ids[1])
    const logged = await eventually(
      () => store.db.selectFrom('questions').select('id').where('question', '=', question).execute(),
      (r) => r.length === 2,
      'both askings logged',
    )
    expect(logged.map((r) => r.id).sort()).toEqual([...ids].sort())
  })

  it('stores a 👍 on an answer in a thread, thanked privately; a second click turns it into a 👎', async () => {
    const answer = await slack.mention('Who is Alicia Bárcena?', 'U0VOTER1')
    const questionId = voteValue(answer)
    const thanks = await vote(slack, 'vote_up', questionId, 'U0VOTER1')
    expect(thanks.body).toMatchObject({ response_type: 'ephemeral', replace_original: false })
    expect(visibleText(thanks)).toContain('Thanks, noted.')
    const votes = () => store.db.selectFrom('votes').selectAll().where('question_id', '=', questionId).execute()
    await eventually(votes, (v) => v.length === 1 && v[0].vote === 1, 'the 👍')
    await vote(slack, 'vote_down', questionId, 'U0VOTER1')
    await eventually(votes, (v) => v.length === 1 && v[0].vote === -1, 'the 👍 turned 👎')
    expect(await store.dump()).not.toContain('U0VOTER1')
  })

  it('a malformed vote stores nothing and says it expired; a vote on an id never logged is thanked and harms nothing', async () => {
    const count = async () => Number((await store.db.selectFrom('votes').select(store.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const before = await count()
    for (const bad of ['', 'not-an-id', `${'0'.repeat(36)}`]) expect(visibleText(await vote(slack, 'vote_up', bad, 'U0BAD', true))).toMatch(/expired/)
    expect(visibleText(await vote(slack, 'vote_down', 'ffffffff-0000-4000-8000-000000000000', 'U0BAD', true))).toContain('Thanks, noted.')
    await eventually(count, (n) => n === before + 1, 'the stray vote, kept until it is pruned')
    expect(visibleText(ackedMessage(await slack.command('Who is Andrew Selee?', 'U0BAD')))).toContain('Selee')
    expect(slack.logger.lines.filter((l) => l.level === 'error')).toEqual([])
  })
})

describe('with a store that is down', () => {
  it('a closed store: the member still gets the answer and can vote; the store says so once', async () => {
    const store = await openTestStore()
    await store.store.close()
    const slack = await startSlackTestApp(explainer, { rateLimit: { limit: 1_000 }, store: store.store })
    try {
      for (const user of ['U1', 'U2']) expect(visibleText(ackedMessage(await slack.command('Who is Andrew Selee?', user)))).toContain('Selee')
      const answer = await slack.mention('Who is Alicia Bárcena?')
      expect(visibleText(await vote(slack, 'vote_up', voteValue(answer), 'U3'))).toContain('Thanks, noted.')
      await eventually(
        async () => store.lines,
        (l) => l.length > 0,
        'the store’s line',
      )
      expect(store.lines).toEqual([expect.stringMatching(/^store: cannot write the question log/)])
    } finally {
      await slack.close()
      await store.db.destroy()
    }
  })

  it('a store that throws: the answer goes out and each failure is logged, not thrown', async () => {
    const throwing = throwingStore('disk on fire')
    const slack = await startSlackTestApp(explainer, { rateLimit: { limit: 1_000 }, store: throwing })
    try {
      const answer = ackedMessage(await slack.command('Who is Andrew Selee?'))
      expect(visibleText(answer)).toContain('Selee')
      expect(visibleText(await vote(slack, 'vote_up', voteValue(answer), 'U1', true))).toContain('Thanks, noted.')
      const failures = () => slack.logger.lines.filter((l) => l.text.includes('disk on fire')).map((l) => l.text.split('\n', 1)[0])
      await eventually(
        async () => failures(),
        (l) => l.length === 2,
        'both failures logged',
      )
      expect(failures()).toEqual(['logging a question failed: disk on fire', 'storing a vote failed: disk on fire'])
    } finally {
      await slack.close()
    }
  })
})

describe('claiming event ids (the retry check several copies share)', () => {
  it('claims only events a listener takes: a channel message the bot ignores costs no claim', async () => {
    // With DATABASE_URL a claim is a write to PostgreSQL, and the bot hears every message of its
    // channels: only the mention, which it answers, may cost one.
    const memory = memoryState({ limit: 1_000, windowMs: 1_000 })
    const claimed: string[] = []
    const shared: SharedState = {
      claimEvent: (id, at) => {
        claimed.push(id)
        return memory.claimEvent(id, at)
      },
      takeQuestion: (platform, member, at) => memory.takeQuestion(platform, member, at),
    }
    const slack = await startSlackTestApp(explainer, { shared })
    try {
      await slack.event(
        { type: 'message', channel: 'C-chat', channel_type: 'channel', user: 'U2', text: 'lunch at noon?', ts: slack.nextTs() },
        { eventId: 'Ev-chat' },
      )
      await slack.mention('Who is Andrew Selee?')
      expect(claimed).toHaveLength(1)
      expect(claimed).not.toContain('Ev-chat')
    } finally {
      await slack.close()
    }
  })
})
