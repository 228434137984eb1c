/**
 * The behaviour every chat adapter owes its users, whatever the platform. Each adapter's test file
 * calls `runAdapterContract` with a harness that starts the real client library against a fake
 * platform on loopback and turns what the bot sent back into `Sent` records. The bot logs into a
 * real store (an SQLite file), read back to check what it kept.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Explainer } from '../../src/core/explainer.js'
import type { Answer } from '../../src/core/types.js'
import type { Store } from '../../src/store/store.js'
import { eventually, openTestStore, type TestStore } from '../support/adapter-store.js'

/** One message (or reply, or edit) the bot sent to the platform, flattened for assertions. */
export type Sent = {
  /** Everything a person would read: content plus embed or block text. */
  text: string
  /** True if the platform would ping someone or a group (@everyone, <!channel>, a user) from it. */
  pings: boolean
  /** True if every platform limit (lengths, counts) holds for this message. */
  withinLimits: boolean
  /** Its 👍 and 👎 buttons, in that order, as the driver's `vote` clicks them; none for a message without. */
  votes: string[]
  /** Only the member it answers sees it. */
  private: boolean
}

export type ContractDriver = {
  /** A user addresses the bot (a mention in a channel); resolves with what the bot sent back. */
  mention(text: string, userId?: string): Promise<Sent[]>
  /** A message the bot itself wrote arrives as an event. */
  ownMessage(text: string): Promise<Sent[]>
  /** A message from another bot that mentions this one. */
  otherBotMessage(text: string): Promise<Sent[]>
  /** A member clicks one of `Sent.votes`; resolves with what the bot sent back (its thanks). */
  vote(button: string, userId: string): Promise<Sent[]>
  close(): Promise<void>
}

export type ContractHarness = {
  platform: string
  /** Starts the adapter with this explainer, a rate limit of `rateLimit` questions per window, and `store`. */
  start(explainer: Explainer, options: { rateLimit: number; store: Store }): Promise<ContractDriver>
}

const answer = (over: Partial<Answer>): Answer => ({ status: 'answered', text: 'An answer. [1]', citations: [], followUps: [], ...over })

/** A stand-in core: the contract is about the adapter, so the answers are made to measure. */
function stubExplainer(): Explainer & { calls: string[] } {
  const calls: string[] = []
  const long = 'word '.repeat(3000).trim()
  return {
    calls,
    knowledge: undefined as never,
    sources: () => [{ slug: 'a', title: 'A title', facts: 1 }],
    suggest: () => ['Who is Andrew Selee?'],
    ask(question: string): Answer {
      calls.push(question)
      if (question.includes('boom')) throw new Error('core exploded')
      if (question.includes('long')) {
        const c = { ref: 'a#p1', quote: long, article: 'A title', kind: 'body' as const }
        return answer({ text: long, citations: [c, c, c], followUps: ['x'.repeat(300), 'Who is Andrew Selee?', 'y'.repeat(120)] })
      }
      // Echo the question back, as a not_found answer might: the adapter must keep it harmless.
      return answer({ status: 'not_found', text: `Nothing about "${question}".`, followUps: ['Who is Andrew Selee?'] })
    },
  }
}

export function runAdapterContract(harness: ContractHarness): void {
  describe(`${harness.platform} adapter contract`, () => {
    const explainer = stubExplainer()
    let driver: ContractDriver
    let store: TestStore
    beforeAll(async () => {
      store = await openTestStore()
      driver = await harness.start(explainer, { rateLimit: 5, store: store.store })
    })
    afterAll(async () => {
      await driver?.close()
      await store?.close()
    })
    /** The votes stored on the answer to `question`, by member, oldest member first. */
    const votesOn = (question: string) =>
      store.db
        .selectFrom('votes')
        .innerJoin('questions', 'questions.id', 'votes.question_id')
        .where('questions.question', '=', question)
        .select(['votes.vote', 'votes.member'])
        .orderBy(sql`votes.rowid`)
        .execute()

    it('ignores its own messages', async () => {
      const before = explainer.calls.length
      expect(await driver.ownMessage('who is andrew selee?')).toEqual([])
      expect(explainer.calls.length).toBe(before)
    })

    it('ignores other bots', async () => {
      expect(await driver.otherBotMessage('who is andrew selee?')).toEqual([])
    })

    it('answers a mention with no question with a short how-to, not a call to the core', async () => {
      const before = explainer.calls.length
      const sent = await driver.mention('', 'U-empty')
      expect(sent.length).toBeGreaterThan(0)
      expect(sent[0].text.toLowerCase()).toContain('ask')
      expect(explainer.calls.length).toBe(before)
    })

    it('never lets echoed text ping anyone', async () => {
      const sent = await driver.mention('@everyone @here <!channel> <!here> <@U123> <@&987> what?', 'U-ping')
      expect(sent.length).toBeGreaterThan(0)
      for (const s of sent) expect(s.pings).toBe(false)
    })

    it('trims a very long answer to the platform limits', async () => {
      const sent = await driver.mention('long answer please', 'U-long')
      expect(sent.length).toBeGreaterThan(0)
      for (const s of sent) expect(s.withinLimits).toBe(true)
      expect(sent.map((s) => s.text).join('\n')).toContain('…')
    })

    it('answers a failing core with a short error and keeps serving', async () => {
      const failed = await driver.mention('boom', 'U-boom')
      expect(failed.length).toBeGreaterThan(0)
      expect(failed[0].text).not.toContain('core exploded')
      const next = await driver.mention('still there?', 'U-boom')
      expect(next.map((s) => s.text).join('\n')).toContain('still there?')
    })

    it('puts 👍/👎 under an answer and a decline, and logs the question; none under the how-to', async () => {
      const [declined] = await driver.mention('what is a vote?', 'U-votes')
      expect(declined.votes).toHaveLength(2)
      const logged = await eventually(
        () => store.db.selectFrom('questions').selectAll().where('question', '=', 'what is a vote?').execute(),
        (rows) => rows.length > 0,
        'the logged question',
      )
      expect(logged).toMatchObject([{ status: 'not_found', platform: harness.platform.toLowerCase() }])
      const [howTo] = await driver.mention('', 'U-votes')
      expect(howTo.votes).toEqual([])
    })

    it('stores one vote per member per answer, the last click counting, and thanks the voter privately', async () => {
      const [answer] = await driver.mention('which vote counts?', 'U-voter')
      const [up, down] = answer.votes
      const thanks = await driver.vote(up, 'U-voter')
      expect(thanks).toHaveLength(1)
      expect(thanks[0].text).toContain('Thanks, noted.')
      expect(thanks[0].private).toBe(true)
      const first = await eventually(
        () => votesOn('which vote counts?'),
        (v) => v.length === 1,
        'the first vote',
      )
      expect(first[0].vote).toBe(1)
      await driver.vote(down, 'U-voter')
      await eventually(
        () => votesOn('which vote counts?'),
        (v) => v.length === 1 && v[0].vote === -1,
        'the vote changed',
      )
      await driver.vote(up, 'U-another')
      const both = await eventually(
        () => votesOn('which vote counts?'),
        (v) => v.length === 2,
        'a second member’s vote',
      )
      expect(both.map((v) => v.vote)).toEqual([-1, 1])
    })

    it('tells a user who asks too fast to slow down', async () => {
      const replies: Sent[][] = []
      for (let i = 0; i < 6; i++) replies.push(await driver.mention(`question ${i}`, 'U-fast'))
      expect(
        replies[5]
          .map((s) => s.text)
          .join('\n')
          .toLowerCase(),
      ).toMatch(/slow down|try again in \d+/)
    })
  })
}
