/** The Slack adapter's memory of threads and DMs: bounded, time-limited for DMs, read back from Slack. */
import type { webApi } from '@slack/bolt'
import { describe, expect, it } from 'vitest'
import { DM_CONTEXT_MINUTES } from '../../src/adapters/shared/conversation-limits.js'
import { createConversations, NOT_OURS_SECONDS } from '../../src/adapters/slack/conversations.js'
import type { Answer } from '../../src/core/types.js'

const BOT = { userId: 'UBOT', botId: 'B1' }
const answer: Answer = { status: 'answered', text: 'x', citations: [], followUps: [] }

/** A Web API client whose reads are counted and answer with `messages`. */
function client(messages: Record<string, unknown>[] = []) {
  const calls: string[] = []
  const read = (method: string) => async () => {
    calls.push(method)
    return { ok: true, messages }
  }
  const fake = { conversations: { replies: read('replies'), history: read('history') } } as unknown as webApi.WebClient
  return { fake, calls }
}

const thread = (n: number) => ({ channel: 'C1', threadTs: `${n}.0`, isDirect: false })

describe('Slack conversations memory', () => {
  it('keeps at most `capacity` conversations, the least recently used forgotten first', async () => {
    const memory = createConversations({ capacity: 2 })
    for (const n of [1, 2, 3]) memory.remember(thread(n), `question ${n}`, answer)
    const { fake, calls } = client()
    expect((await memory.contextFor(fake, thread(3), '9.0', BOT))?.map((t) => t.question)).toEqual(['question 3'])
    expect(calls).toEqual([])
    // Thread 1 was forgotten: Slack is asked, and it holds no bot message there, so it is not the bot's.
    expect(await memory.contextFor(fake, thread(1), '9.0', BOT)).toBeUndefined()
    expect(calls).toEqual(['replies'])
  })

  it(`forgets a DM's turns after ${DM_CONTEXT_MINUTES} minutes`, async () => {
    let now = 1_000_000
    const memory = createConversations({ now: () => now })
    const dm = { channel: 'D1', isDirect: true }
    memory.remember(dm, 'first', answer)
    const { fake } = client()
    expect((await memory.contextFor(fake, dm, '9.0', BOT))?.length).toBe(1)
    now += (DM_CONTEXT_MINUTES + 1) * 60_000
    expect(await memory.contextFor(fake, dm, '9.0', BOT)).toEqual([])
  })

  it(`believes "not the bot's thread" for ${NOT_OURS_SECONDS} s, then reads the thread again`, async () => {
    let now = 1_000_000
    const memory = createConversations({ now: () => now })
    const { fake, calls } = client([{ ts: '1.0', user: 'U1', text: 'lunch?' }])
    expect(await memory.contextFor(fake, thread(1), '2.0', BOT)).toBeUndefined()
    expect(await memory.contextFor(fake, thread(1), '3.0', BOT)).toBeUndefined()
    expect(calls).toHaveLength(1)
    now += (NOT_OURS_SECONDS + 1) * 1000
    await memory.contextFor(fake, thread(1), '4.0', BOT)
    expect(calls).toHaveLength(2)
  })

  it("reads a thread back: its questions from the bot's mention on, before the message being answered", async () => {
    const { fake } = client([
      { ts: '1.0', user: 'U2', text: 'anyone read this?' },
      { ts: '2.0', user: 'U1', text: '<@UBOT> who is the director? cc <@U2>' },
      { ts: '3.0', user: 'UBOT', bot_id: 'B1', text: 'an answer' },
      { ts: '4.0', user: 'U1', text: 'what did she say?' },
      { ts: '5.0', user: 'U1', text: 'the message being answered' },
    ])
    const turns = await createConversations().contextFor(fake, thread(1), '5.0', BOT)
    expect(turns?.map((t) => t.question)).toEqual(['who is the director?', 'what did she say?'])
  })
})
