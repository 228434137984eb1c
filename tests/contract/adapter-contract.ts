/**
 * The behaviour every chat adapter owes its users, whatever the platform. Each adapter's test file
 * calls `runAdapterContract` with a harness that starts the real client library against a fake
 * platform on loopback and turns what the bot sent back into `Sent` records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Explainer } from '../../src/core/explainer.js'
import type { Answer } from '../../src/core/types.js'

/** One message (or reply, or edit) the bot sent to the platform, flattened for assertions. */
export type Sent = {
  /** Everything a person would read: content plus embed or block text. */
  text: string
  /** True if the platform would ping someone or a group (@everyone, <!channel>, a user) from it. */
  pings: boolean
  /** True if every platform limit (lengths, counts) holds for this message. */
  withinLimits: boolean
}

export type ContractDriver = {
  /** A user addresses the bot (a mention in a channel); resolves with what the bot sent back. */
  mention(text: string, userId?: string): Promise<Sent[]>
  /** A message the bot itself wrote arrives as an event. */
  ownMessage(text: string): Promise<Sent[]>
  /** A message from another bot that mentions this one. */
  otherBotMessage(text: string): Promise<Sent[]>
  close(): Promise<void>
}

export type ContractHarness = {
  platform: string
  /** Starts the adapter with this explainer and a rate limit of `rateLimit` questions per window. */
  start(explainer: Explainer, options: { rateLimit: number }): Promise<ContractDriver>
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
    beforeAll(async () => {
      driver = await harness.start(explainer, { rateLimit: 5 })
    })
    afterAll(async () => {
      await driver?.close()
    })

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
