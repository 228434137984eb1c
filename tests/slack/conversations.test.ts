/**
 * Conversations on Slack, end to end (real Bolt, fake Slack, real core over knowledge/): a mention
 * starts a thread, plain replies in it are follow-ups read in the thread's context, chatter
 * elsewhere is left alone, and chat markup is not part of the question.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { BOT_ID, BOT_USER } from './fake-slack.js'
import { dmEvent, mentionEvent, type SlackTestApp, startSlackTestApp } from './harness.js'
import { visibleText } from './inspect.js'

const explainer = createExplainer(loadKnowledge('knowledge'))

let slack: SlackTestApp
beforeAll(async () => {
  slack = await startSlackTestApp(explainer, { rateLimit: { limit: 1_000 } })
})
afterAll(async () => {
  await slack?.close()
})

/** A member's plain reply in a channel thread, as message.channels delivers it. */
function threadReply(text: string, threadTs: string, channel = 'C1', user = 'U1') {
  const ts = slack.nextTs()
  return { type: 'message', channel_type: 'channel', channel, user, text, ts, event_ts: ts, thread_ts: threadTs }
}

/** The answers the bot posted in a thread, oldest first. */
const answersIn = (threadTs: string) => slack.inThread(threadTs).filter((c) => c.method === 'chat.postMessage')

async function nthAnswer(threadTs: string, n: number) {
  return slack.fake.waitFor(() => answersIn(threadTs).length >= n, `answer ${n} in thread ${threadTs}`).then(() => answersIn(threadTs)[n - 1])
}

describe('Slack: markup is not the question', () => {
  it("answers a question with another member's mention, a user group and a channel link as without them", async () => {
    const plain = visibleText(await slack.mention('Who is Elizabeth Sherwood-Randall?'))
    const marked = visibleText(await slack.mention('Who is Elizabeth Sherwood-Randall? cc <@U2|ana> <!subteam^S1|@press> <#C9|news> <!here>'))
    expect(plain).toContain('homeland security advisor')
    expect(marked).toBe(plain)
  })
})

describe('Slack: a thread is a conversation', () => {
  it('answers a mention, then two plain replies in the thread, each in the context of the turns before', async () => {
    const parent = slack.nextTs()
    await slack.event(mentionEvent('Who is Maureen Meyer?', parent))
    expect(visibleText(await nthAnswer(parent, 1))).toContain('Maureen Meyer')

    await slack.event(threadReply('what did she say?', parent))
    const second = visibleText(await nthAnswer(parent, 2))
    // "she" is Meyer: her words, not "who do you mean?".
    expect(second).toContain('buffer state')
    expect(second).not.toContain('Who do you mean')

    await slack.event(threadReply('and what did she say about deportations?', parent))
    expect(visibleText(await nthAnswer(parent, 3))).toContain('deported from the United States')
  })

  it('a question answered with a view ("what did Maureen Meyer say?") is a turn too', async () => {
    const parent = slack.nextTs()
    await slack.event(mentionEvent('What did Maureen Meyer say?', parent))
    await nthAnswer(parent, 1)
    await slack.event(threadReply('and what did she say about deportations?', parent))
    expect(visibleText(await nthAnswer(parent, 2))).toContain('deported from the United States')
  })

  it('without the thread, the same follow-up asks who is meant', async () => {
    const ts = slack.nextTs()
    await slack.event(mentionEvent('what did she say?', ts))
    expect(visibleText(await nthAnswer(ts, 1))).toContain('Who do you mean')
  })

  it('leaves channel chatter alone: top-level messages, threads it did not answer in, replies to others and thanks', async () => {
    const top = slack.nextTs()
    await slack.event({ type: 'message', channel_type: 'channel', channel: 'C-chat', user: 'U2', text: 'who is Maureen Meyer?', ts: top, event_ts: top })
    const otherThread = slack.nextTs()
    await slack.event({ type: 'message', channel_type: 'channel', channel: 'C-chat', user: 'U2', text: 'lunch?', ts: otherThread, event_ts: otherThread })
    await slack.event(threadReply('what did she say?', otherThread, 'C-chat', 'U3'))
    await slack.event({ ...threadReply('what did she say?', otherThread, 'G-private', 'U3'), channel_type: 'group' })
    // In the bot's own thread, a reply to another member, and a thanks, are not for the bot either.
    const ours = slack.nextTs()
    await slack.event(mentionEvent('Who is Maureen Meyer?', ours, 'U1', { channel: 'C-chat' }))
    await slack.fake.waitFor((c) => c.body.thread_ts === ours, 'the answer in C-chat')
    await slack.event(threadReply('<@U2> what do you think?', ours, 'C-chat'))
    await slack.event(threadReply('thanks!', ours, 'C-chat'))
    // The bot looked the threads up (were they its own?), and then said nothing.
    await vi.waitFor(() => expect(slack.fake.reads.filter((r) => r.body.ts === otherThread)).toHaveLength(2))
    await slack.settle()
    const sent = slack.fake.captured.filter((c) => c.body.channel === 'C-chat' || c.body.channel === 'G-private')
    expect(sent.map((c) => c.body.thread_ts)).toEqual([ours])
  })

  it('answers once when a member types the mention in a thread reply (Slack sends app_mention and message)', async () => {
    const parent = slack.nextTs()
    await slack.event(mentionEvent('Who is Maureen Meyer?', parent))
    await nthAnswer(parent, 1)
    const ts = slack.nextTs()
    const text = `<@${BOT_USER}> what did she say?`
    await slack.event({ type: 'app_mention', user: 'U1', text, ts, channel: 'C1', event_ts: ts, thread_ts: parent })
    await slack.event({ type: 'message', channel_type: 'channel', user: 'U1', text, ts, channel: 'C1', event_ts: ts, thread_ts: parent })
    expect(visibleText(await nthAnswer(parent, 2))).toContain('buffer state')
    await slack.settle()
    expect(answersIn(parent)).toHaveLength(2)
  })

  it('after a restart, reads a thread it answered in back from Slack (conversations.replies)', async () => {
    // A thread this process never saw: a mention and the bot's answer, as Slack keeps them.
    const parent = slack.nextTs()
    slack.fake.messages.push(
      { channel: 'C-old', ts: parent, user: 'U1', text: `<@${BOT_USER}> Who is Maureen Meyer?` },
      { channel: 'C-old', ts: slack.nextTs(), thread_ts: parent, user: BOT_USER, bot_id: BOT_ID, text: 'an earlier answer' },
    )
    await slack.event(threadReply('what did she say?', parent, 'C-old'))
    const reply = await slack.fake.waitFor((c) => c.body.channel === 'C-old' && c.body.thread_ts === parent, 'the follow-up after a restart')
    expect(visibleText(reply)).toContain('buffer state')
    expect(slack.fake.reads.filter((r) => r.method === 'conversations.replies' && r.body.channel === 'C-old')).toHaveLength(1)
  })
})

describe('Slack: a DM keeps its recent turns', () => {
  it('reads a DM follow-up in the context of the DM', async () => {
    await slack.event(dmEvent('Who is Maureen Meyer?', slack.nextTs(), 'D-conv'))
    await slack.fake.waitFor((c) => c.body.channel === 'D-conv', 'the first DM answer')
    await slack.event(dmEvent('what did she say?', slack.nextTs(), 'D-conv'))
    await slack.fake.waitFor(() => slack.fake.captured.filter((c) => c.body.channel === 'D-conv').length >= 2, 'the second DM answer')
    const answers = slack.fake.captured.filter((c) => c.body.channel === 'D-conv')
    expect(visibleText(answers[1])).toContain('buffer state')
  })
})
