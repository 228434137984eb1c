/**
 * commandReplier on its own: what goes in a slash command's ack, and what falls back to the
 * response_url (a second message, an answer past the budget, an ack that failed).
 */
import type { Logger, RespondArguments } from '@slack/bolt'
import { describe, expect, it } from 'vitest'
import type { SlackMessage } from '../../src/adapters/slack/format.js'
import { ACK_BUDGET_MS, commandReplier } from '../../src/adapters/slack/reply.js'
import { recordingLogger } from './harness.js'

const message = (text: string): SlackMessage => ({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] })

function setup(options: { ackFails?: boolean } = {}) {
  let clock = 1_000
  const acks: (string | RespondArguments | undefined)[] = []
  const responds: (string | RespondArguments)[] = []
  const logger: Logger & { lines: { level: string; text: string }[] } = recordingLogger()
  const reply = commandReplier(
    async (body) => {
      acks.push(body)
      if (options.ackFails) throw new Error('socket closed')
    },
    async (body) => {
      responds.push(body)
    },
    { now: () => clock, logger },
  )
  return { reply, acks, responds, logger, tick: (ms: number) => (clock += ms) }
}

describe('commandReplier', () => {
  it('puts the first message in the ack, privately, and anything after it through response_url', async () => {
    const { reply, acks, responds } = setup()
    expect(reply.shareable).toBe(true)
    await reply.answer(message('the answer'))
    expect(acks).toEqual([{ response_type: 'ephemeral', ...message('the answer') }])
    expect(responds).toEqual([])
    await reply.privately(message('a note'))
    expect(acks).toHaveLength(1)
    expect(responds).toEqual([{ response_type: 'ephemeral', replace_original: false, ...message('a note') }])
    await reply.finish?.()
    expect(acks).toHaveLength(1)
  })

  it('acks empty and answers through response_url when the answer missed the budget', async () => {
    const { reply, acks, responds, tick } = setup()
    tick(ACK_BUDGET_MS)
    await reply.answer(message('late'))
    expect(acks).toEqual([undefined])
    expect(responds).toEqual([{ response_type: 'ephemeral', replace_original: false, ...message('late') }])
  })

  it('answers through response_url, and logs, when the ack itself fails', async () => {
    const { reply, acks, responds, logger } = setup({ ackFails: true })
    await reply.answer(message('the answer'))
    expect(acks).toHaveLength(1)
    expect(responds).toEqual([{ response_type: 'ephemeral', replace_original: false, ...message('the answer') }])
    expect(logger.lines.some((l) => l.level === 'warn' && l.text.includes('socket closed'))).toBe(true)
  })

  it('finish() acks empty when nothing was sent, once', async () => {
    const { reply, acks } = setup()
    await reply.finish?.()
    await reply.finish?.()
    expect(acks).toEqual([undefined])
  })
})
