/**
 * The Slack adapter end to end: a real Bolt App in HTTP mode on 127.0.0.1 receiving requests
 * signed with the signing secret, a fake Slack Web API capturing what the bot posts, and the real
 * explainer over knowledge/.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createExplainer, type Explainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import type { Captured } from './fake-slack.js'
import { ackedMessage, dmEvent, mentionEvent, type SlackTestApp, startSlackTestApp } from './harness.js'
import { buttonsOf, limitProblems, offeredButtonsOf, pings, visibleText } from './inspect.js'
import { eventBody, FORM, JSON_TYPE, signed, slashCommandBody } from './signed.js'

const real = createExplainer(loadKnowledge('knowledge'))
/** How often the core was asked each question. */
const asked = new Map<string, number>()
/** The real core, except that a question with "boom" in it makes it throw. */
const explainer: Explainer = {
  ...real,
  ask: (question) => {
    asked.set(question, (asked.get(question) ?? 0) + 1)
    if (question.includes('boom')) throw new Error('core exploded: index corrupt')
    return real.ask(question)
  },
}

const QUESTION = 'Who is Andrew Selee?'
const byResponse = (id: string) => (c: Captured) => c.method === 'response_url' && c.responseId === id

let slack: SlackTestApp
beforeAll(async () => {
  // A generous limit: the rate limit has its own app and clock below.
  slack = await startSlackTestApp(explainer, { rateLimit: { limit: 1_000 } })
})
afterAll(async () => {
  await slack?.close()
})

describe('/ask', () => {
  it('answers privately in the ack, with citations, follow-ups and a share button, and posts nothing more', async () => {
    const ack = await slack.command(QUESTION)
    // Order, not wall-clock time: the HTTP response to the signed request is the answer, and when
    // it arrived nothing had been posted to the command's response_url.
    const postedBeforeAck = slack.fake.captured.filter(byResponse(ack.responseId))
    expect(ack.status).toBe(200)
    expect(postedBeforeAck).toEqual([])
    const reply = ackedMessage(ack)
    expect(reply.body.response_type).toBe('ephemeral')
    const text = visibleText(reply)
    expect(text).toContain('You asked: “Who is Andrew Selee?”')
    expect(text).toContain('Migration Policy Institute')
    expect(text).toContain('¶5')
    expect(text).toContain('said by Andrew Selee')
    const buttons = offeredButtonsOf(reply)
    expect(buttons.at(-1)).toMatchObject({ action_id: 'share_answer', value: `ask:${QUESTION}`, text: 'Share in channel' })
    // 👍/👎 last, both carrying the logged question's id.
    const votes = buttonsOf(reply).slice(-2)
    expect(votes.map((b) => [b.action_id, b.text])).toEqual([
      ['vote_up', '👍'],
      ['vote_down', '👎'],
    ])
    expect(votes[0].value).toMatch(/^[0-9a-f-]{36}$/)
    expect(votes[1].value).toBe(votes[0].value)
    expect(buttons.filter((b) => b.action_id.startsWith('follow_up_')).length).toBeGreaterThan(0)
    expect(limitProblems(reply)).toEqual([])
    // The answer was the ack: nothing went to the response_url (nor anywhere else) after it.
    await slack.settle()
    expect(slack.fake.captured.filter(byResponse(ack.responseId))).toEqual([])
  })

  it('`/ask help` explains usage and `/ask` alone gives the overview, both in the ack', async () => {
    const help = ackedMessage(await slack.command('help'))
    expect(help.body.response_type).toBe('ephemeral')
    expect(visibleText(help)).toContain('/ask your question')
    expect(limitProblems(help)).toEqual([])
    const overview = ackedMessage(await slack.command(''))
    // The member typed nothing: no invented question is quoted.
    expect(visibleText(overview)).toContain('You asked for an overview of the article')
    expect(visibleText(overview)).not.toContain('summary')
    expect(overview.body.text).toMatch(/^You asked for an overview of the article\n/)
    expect(visibleText(overview)).toContain('*[1]*')
    // The button carries the core's overview question; shared, it is labelled the same way.
    expect(offeredButtonsOf(overview).at(-1)).toMatchObject({ action_id: 'share_answer', value: 'ask:summary' })
    const click = await slack.click({ actionId: 'share_answer', value: 'ask:summary', channel: 'C1', ephemeral: true, user: 'U7' })
    const shared = await slack.fake.waitFor((c) => byResponse(click.responseId)(c) && c.body.response_type === 'in_channel', 'the shared overview')
    expect(visibleText(shared)).toContain('<@U7> asked for an overview of the article')
    expect(visibleText(shared)).not.toContain('“summary”')
  })

  it('"Share in channel" posts the answer for everyone, quoting the question, and removes the private copy', async () => {
    const click = await slack.click({ actionId: 'share_answer', value: `ask:${QUESTION}`, channel: 'C1', ephemeral: true, user: 'U7' })
    expect(click.status).toBe(200)
    const shared = await slack.fake.waitFor((c) => byResponse(click.responseId)(c) && c.body.response_type === 'in_channel', 'the shared answer')
    const text = visibleText(shared)
    expect(text).toContain('<@U7> asked: “Who is Andrew Selee?”')
    expect(text).toContain('Migration Policy Institute')
    expect(buttonsOf(shared)).toEqual([])
    await slack.fake.waitFor((c) => byResponse(click.responseId)(c) && c.body.delete_original === true, 'the private copy deleted')
  })

  it('sends a private answer asked again as it was kept, without asking the core again, under its own 👍/👎', async () => {
    const question = 'Who is Alicia Bárcena, the foreign secretary?'
    const first = ackedMessage(await slack.command(question, 'U21'))
    const again = ackedMessage(await slack.command(question, 'U22'))
    // Each question is logged under its own id: only the votes' value differs.
    const voteValue = (c: Captured) => buttonsOf(c).find((b) => b.action_id === 'vote_up')?.value
    expect(voteValue(again)).not.toBe(voteValue(first))
    const firstId = voteValue(first) ?? ''
    expect(JSON.stringify(again.body).replaceAll(voteValue(again) ?? '', firstId)).toBe(JSON.stringify(first.body))
    expect(asked.get(question)).toBe(1)
  })

  it('offers "Share in channel" only on answers, not on a decline', async () => {
    const decline = ackedMessage(await slack.command('What is the weather on Mars tomorrow?'))
    expect(visibleText(decline)).toContain('Strategic Shift')
    expect(buttonsOf(decline).map((b) => b.action_id)).not.toContain('share_answer')
  })

  it('a long question is shared by a short key, not carried whole in the button', async () => {
    const long = `Who is Andrew Selee, ${'and what exactly does his institute do about migration policy, '.repeat(5)}?`
    const reply = ackedMessage(await slack.command(long))
    const share = buttonsOf(reply).find((b) => b.action_id === 'share_answer')
    expect(share).toBeDefined()
    expect(share?.value.length).toBeLessThanOrEqual(200)
    const click = await slack.click({
      actionId: 'share_answer',
      value: share?.value ?? '',
      channel: 'C1',
      ephemeral: true,
      user: 'U9',
      message: { ts: slack.nextTs() },
    })
    const shared = await slack.fake.waitFor((c) => byResponse(click.responseId)(c) && c.body.response_type === 'in_channel', 'the shared answer')
    expect(visibleText(shared)).toContain('<@U9> asked: “Who is Andrew Selee,')
  })

  it('a double-clicked "Share in channel" posts once', async () => {
    const message = { ts: slack.nextTs() }
    const clicks = await Promise.all(
      [1, 2, 3].map(() => slack.click({ actionId: 'share_answer', value: `ask:${QUESTION}`, channel: 'C1', ephemeral: true, user: 'U10', message })),
    )
    for (const click of clicks) expect(click.status).toBe(200)
    await slack.fake.waitFor((c) => clicks.some((k) => byResponse(k.responseId)(c)) && c.body.response_type === 'in_channel', 'the shared answer')
    await slack.settle()
    const posts = slack.fake.captured.filter((c) => clicks.some((k) => byResponse(k.responseId)(c)) && c.body.response_type === 'in_channel')
    expect(posts).toHaveLength(1)
  })

  it('keeps a shared answer when removing the private copy fails: logged, no "Sorry"', async () => {
    const isDelete = (c: Captured) => c.body.delete_original === true
    slack.fake.failResponse = isDelete
    try {
      const logged = slack.logger.lines.length
      const click = await slack.click({ actionId: 'share_answer', value: `ask:${QUESTION}`, channel: 'C1', ephemeral: true, user: 'U8' })
      await slack.fake.waitFor((c) => byResponse(click.responseId)(c) && isDelete(c), 'the refused delete')
      const warned = await vi.waitFor(() => {
        const line = slack.logger.lines.slice(logged).find((l) => l.text.includes('removing the private copy failed'))
        if (!line) throw new Error('not logged yet')
        return line
      })
      expect(warned.level).toBe('warn')
      expect(warned.text).not.toContain('\n')
      await slack.settle()
      const sent = slack.fake.captured.filter(byResponse(click.responseId))
      expect(sent.map((c) => (isDelete(c) ? 'delete' : c.body.response_type))).toEqual(['in_channel', 'delete'])
      expect(sent.some((c) => visibleText(c).includes('something went wrong'))).toBe(false)
      expect(slack.logger.lines.slice(logged).filter((l) => l.level === 'error')).toEqual([])
    } finally {
      slack.fake.failResponse = undefined
    }
  })

  it('a follow-up button under a private answer answers privately again', async () => {
    const click = await slack.click({ actionId: 'follow_up_1', value: 'Who is Vicente Fox?', channel: 'C1', ephemeral: true })
    const reply = await slack.fake.waitFor(byResponse(click.responseId))
    expect(reply.body.response_type).toBe('ephemeral')
    expect(visibleText(reply)).toContain('Vicente Fox')
  })
})

describe('mentions and DMs', () => {
  it('answers a mention in a thread under that message', async () => {
    const ts = slack.nextTs()
    await slack.event(mentionEvent(QUESTION, ts))
    const reply = await slack.fake.waitFor((c) => c.body.thread_ts === ts, 'the threaded answer')
    expect(reply.method).toBe('chat.postMessage')
    expect(reply.body.thread_ts).toBe(ts)
    expect(reply.body.channel).toBe('C1')
    expect(visibleText(reply)).toContain('Migration Policy Institute')
    expect(buttonsOf(reply).map((b) => b.action_id)).not.toContain('share_answer')
  })

  it('answers a mention inside a thread in that same thread', async () => {
    const parent = slack.nextTs()
    await slack.event(mentionEvent(QUESTION, slack.nextTs(), 'U1', { thread_ts: parent }))
    expect((await slack.fake.waitFor((c) => c.body.thread_ts === parent)).method).toBe('chat.postMessage')
  })

  it('answers a DM in the DM', async () => {
    await slack.event(dmEvent(QUESTION, slack.nextTs(), 'D-dm'))
    const reply = await slack.fake.waitFor((c) => c.body.channel === 'D-dm', 'the DM answer')
    expect(reply.method).toBe('chat.postMessage')
    expect(reply.body.thread_ts).toBeUndefined()
    expect(visibleText(reply)).toContain('Andrew Selee')
  })

  it('answers a DM with a file attached (file_share) and a mention also sent to the channel (thread_broadcast)', async () => {
    const file = { id: 'F1', name: 'map.png', mimetype: 'image/png' }
    await slack.event(dmEvent(QUESTION, slack.nextTs(), 'D-file', 'U1', { subtype: 'file_share', files: [file], upload: true }))
    expect(visibleText(await slack.fake.waitFor((c) => c.body.channel === 'D-file', 'the file_share DM answer'))).toContain('Andrew Selee')

    const parent = slack.nextTs()
    await slack.event(mentionEvent(QUESTION, slack.nextTs(), 'U1', { subtype: 'thread_broadcast', thread_ts: parent }))
    const reply = await slack.fake.waitFor((c) => c.body.thread_ts === parent, 'the thread_broadcast answer')
    expect(reply.method).toBe('chat.postMessage')
    expect(visibleText(reply)).toContain('Migration Policy Institute')
  })

  it('gives the how-to for a mention with no text at all, not an error', async () => {
    const ts = slack.nextTs()
    await slack.event({ type: 'app_mention', user: 'U1', ts, channel: 'C1', event_ts: ts })
    const reply = await slack.fake.waitFor((c) => c.body.thread_ts === ts, 'the how-to')
    expect(visibleText(reply)).toContain('/ask your question')
    expect(visibleText(reply)).not.toContain('something went wrong')
  })

  it('a follow-up button answers in the same thread, or in the DM', async () => {
    const parent = slack.nextTs()
    await slack.click({ actionId: 'follow_up_0', value: 'Who is Vicente Fox?', channel: 'C1', message: { ts: slack.nextTs(), thread_ts: parent } })
    const inThread = await slack.fake.waitFor((c) => c.body.thread_ts === parent, 'the follow-up in the thread')
    expect(visibleText(inThread)).toContain('Vicente Fox')

    await slack.click({ actionId: 'follow_up_2', value: 'Who is Vicente Fox?', channel: 'D-follow', message: { ts: slack.nextTs() } })
    const inDm = await slack.fake.waitFor((c) => c.body.channel === 'D-follow', 'the follow-up in the DM')
    expect(inDm.body.thread_ts).toBeUndefined()
    expect(visibleText(inDm)).toContain('Vicente Fox')
  })

  it('ignores edits, joins, bot messages and its own messages', async () => {
    const events = [
      dmEvent(QUESTION, slack.nextTs(), 'D-edit', 'U1', { subtype: 'message_changed' }),
      dmEvent(QUESTION, slack.nextTs(), 'D-join', 'U1', { subtype: 'channel_join' }),
      dmEvent(QUESTION, slack.nextTs(), 'D-deleted', 'U1', { subtype: 'message_deleted', deleted_ts: '1.0' }),
      dmEvent(QUESTION, slack.nextTs(), 'D-bot', 'U9', { subtype: 'bot_message', bot_id: 'B9' }),
      dmEvent(QUESTION, slack.nextTs(), 'D-bot2', 'U9', { bot_id: 'B9' }),
      dmEvent(QUESTION, slack.nextTs(), 'D-self', 'UBOT', { bot_id: 'B1' }),
    ]
    for (const e of events) await slack.event(e)
    const edited = slack.nextTs()
    await slack.event(mentionEvent(QUESTION, edited, 'U1', { edited: { user: 'U1', ts: edited } }))
    await slack.settle()
    const channels = new Set(events.map((e) => e.channel))
    expect(slack.fake.captured.filter((c) => channels.has(String(c.body.channel)))).toEqual([])
    expect(slack.inThread(edited)).toEqual([])
  })
})

describe('what Slack sends again, and what it must not get through', () => {
  it('answers a retried event (same event_id, X-Slack-Retry-Num: 1) once', async () => {
    const ts = slack.nextTs()
    await slack.event(mentionEvent(QUESTION, ts), { eventId: 'Ev-retried' })
    await slack.fake.waitFor((c) => c.body.thread_ts === ts)
    await slack.event(mentionEvent(QUESTION, ts), { eventId: 'Ev-retried', retryNum: 1 })
    // The usual case: the retry arrives while the first delivery is still being answered.
    const racing = slack.nextTs()
    await Promise.all([
      slack.event(mentionEvent(QUESTION, racing), { eventId: 'Ev-race' }),
      slack.event(mentionEvent(QUESTION, racing), { eventId: 'Ev-race', retryNum: 1 }),
    ])
    await slack.settle()
    expect(slack.inThread(ts)).toHaveLength(1)
    expect(slack.inThread(racing)).toHaveLength(1)
  })

  it('answers url_verification with the challenge', async () => {
    const reply = await slack.post(signed(JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'c-123' }), JSON_TYPE))
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ challenge: 'c-123' })
  })

  it('rejects a bad signature and a stale timestamp with 401, and answers neither', async () => {
    const ts = slack.nextTs()
    const body = eventBody(mentionEvent(QUESTION, ts), 'Ev-forged')
    expect((await slack.post(signed(body, JSON_TYPE, { secret: 'not-the-secret' }))).status).toBe(401)
    const stale = Math.floor(Date.now() / 1000) - 10 * 60
    expect((await slack.post(signed(body, JSON_TYPE, { timestamp: stale }))).status).toBe(401)
    const command = signed(slashCommandBody({ text: QUESTION, response_url: slack.fake.responseUrl('forged') }), FORM)
    expect((await slack.post({ ...command, body: command.body.replace('Andrew', 'Andrea') })).status).toBe(401)
    await slack.settle()
    expect(slack.inThread(ts)).toEqual([])
    expect(slack.fake.captured.filter(byResponse('forged'))).toEqual([])
  })

  it('never echoes <!channel>, <!here> or a user mention live', async () => {
    const reply = ackedMessage(await slack.command('<!channel> <!here> <@U2> & who is Andrew Selee?'))
    expect(pings(reply)).toBe(false)
    expect(visibleText(reply)).toContain('&amp;')

    // What a member typed as text arrives escaped; unescaped for the core, it must be escaped again.
    expect(pings(await slack.mention('&lt;!channel&gt; &lt;@U2&gt; what is this about?'))).toBe(false)

    const share = await slack.click({ actionId: 'share_answer', value: 'ask:<!channel> who is Andrew Selee?', channel: 'C1', ephemeral: true })
    const shared = await slack.fake.waitFor((c) => byResponse(share.responseId)(c) && c.body.response_type === 'in_channel')
    expect(visibleText(shared)).toContain('asked: “&lt;!channel&gt; who is Andrew Selee?”')
    expect(visibleText(shared)).not.toContain('<!channel>')
  })
})

describe('every request answered', () => {
  it('acks an unknown command at once, telling the member privately', async () => {
    const started = Date.now()
    const reply = await slack.post(signed(slashCommandBody({ command: '/weather', text: 'today', response_url: slack.fake.responseUrl('unknown-cmd') }), FORM))
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(reply.status).toBe(200)
    const message = ackedMessage(reply)
    expect(message.body.response_type).toBe('ephemeral')
    expect(visibleText(message)).toContain("I don't know the command /weather")
  })

  it('acks an unknown button at once and says so privately; an unknown event is acked too', async () => {
    const started = Date.now()
    const click = await slack.click({ actionId: 'poll_choice', value: 'x', channel: 'C1', ephemeral: true })
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(click.status).toBe(200)
    const note = await slack.fake.waitFor(byResponse(click.responseId), 'the note about the unknown button')
    expect(note.body.response_type).toBe('ephemeral')
    expect(visibleText(note)).toContain("I don't know that button")
    const event = await slack.event({ type: 'reaction_added', user: 'U1', reaction: 'eyes', item: { type: 'message', channel: 'C1', ts: '1.0' } })
    expect(event.status).toBe(200)
  })

  it('leaves known commands and buttons to their own listeners: one reply each', async () => {
    const ack = await slack.command(QUESTION)
    expect(visibleText(ackedMessage(ack))).not.toContain("I don't know")
    await slack.settle()
    expect(slack.fake.captured.filter(byResponse(ack.responseId))).toEqual([])
  })
})

describe('failures', () => {
  it('answers a throwing core with a short error, logs the cause and keeps serving', async () => {
    const failed = await slack.mention('boom')
    expect(visibleText(failed)).toContain('something went wrong')
    expect(visibleText(failed)).not.toContain('exploded')
    expect(slack.logger.lines.some((l) => l.level === 'error' && l.text.includes('core exploded'))).toBe(true)

    const logged = slack.logger.lines.length
    const ack = await slack.command('boom')
    expect(ack.status).toBe(200)
    const reply = ackedMessage(ack)
    expect(reply.body.response_type).toBe('ephemeral')
    expect(visibleText(reply)).toContain('something went wrong')
    expect(visibleText(reply)).not.toContain('exploded')
    expect(slack.logger.lines.slice(logged).some((l) => l.level === 'error' && l.text.includes('/ask failed') && l.text.includes('core exploded'))).toBe(true)

    expect(visibleText(await slack.mention(QUESTION))).toContain('Andrew Selee')
  })
})

describe('rate limit (injected clock)', () => {
  let limited: SlackTestApp
  let clock = 1_000_000
  beforeAll(async () => {
    limited = await startSlackTestApp(real, { rateLimit: { limit: 2, windowMs: 30_000 }, now: () => clock })
  })
  afterAll(async () => {
    await limited?.close()
  })

  it('tells a member who asks too fast to slow down, privately, and answers again once the window has passed', async () => {
    for (let i = 0; i < 2; i++) expect((await limited.mention(QUESTION, 'U-fast')).method).toBe('chat.postMessage')
    clock += 10_000
    const note = await limited.mention(QUESTION, 'U-fast')
    expect(note.method).toBe('chat.postEphemeral')
    expect(note.body.user).toBe('U-fast')
    expect(visibleText(note)).toContain('slow down, please, and try again in 20 s')

    const privately = ackedMessage(await limited.command(QUESTION, 'U-fast'))
    expect(privately.body.response_type).toBe('ephemeral')
    expect(visibleText(privately)).toContain('try again in 20 s')
    expect(visibleText(privately)).not.toContain('Migration Policy Institute')

    // Someone else is not slowed down by U-fast.
    expect((await limited.mention(QUESTION, 'U-calm')).method).toBe('chat.postMessage')
    clock += 20_001
    expect((await limited.mention(QUESTION, 'U-fast')).method).toBe('chat.postMessage')
  })

  it("counts a bare mention's how-to against the limit (`help` typed out stays free)", async () => {
    for (let i = 0; i < 2; i++) expect(visibleText(await limited.mention('', 'U-bare'))).toContain('/ask your question')
    const note = await limited.mention('', 'U-bare')
    expect(note.method).toBe('chat.postEphemeral')
    expect(visibleText(note)).toContain('slow down, please')
    expect(visibleText(await limited.mention('help', 'U-bare'))).toContain('/ask your question')
  })

  it('takes its limit from RATE_LIMIT (config.rateLimit) when the caller sets none', async () => {
    const configured = await startSlackTestApp(real, { now: () => clock }, { rateLimit: { limit: 1, windowMs: 60_000 } })
    try {
      expect(visibleText(ackedMessage(await configured.command(QUESTION, 'U-once')))).toContain('Migration Policy Institute')
      expect(visibleText(ackedMessage(await configured.command(QUESTION, 'U-once')))).toContain('try again in 60 s')
    } finally {
      await configured.close()
    }
  })
})

describe('an /ask answer too late for the ack (injected clock)', () => {
  let slow: SlackTestApp
  let clock = 5_000_000
  // The real core, except that a question with "slowly" in it takes 2.5 s by the adapter's clock.
  const slowCore: Explainer = {
    ...real,
    ask: (question) => {
      if (question.includes('slowly')) clock += 2_500
      return real.ask(question)
    },
  }
  beforeAll(async () => {
    slow = await startSlackTestApp(slowCore, { now: () => clock })
  })
  afterAll(async () => {
    await slow?.close()
  })

  it('acks empty and answers through the response_url instead', async () => {
    const ack = await slow.command('Who is Andrew Selee, slowly?')
    expect(ack.status).toBe(200)
    expect(ack.body).toBe('')
    const reply = await slow.fake.waitFor(byResponse(ack.responseId), 'the late answer')
    expect(reply.body.response_type).toBe('ephemeral')
    expect(reply.body.replace_original).toBe(false)
    expect(visibleText(reply)).toContain('Migration Policy Institute')
    expect(offeredButtonsOf(reply).at(-1)).toMatchObject({ action_id: 'share_answer' })

    // A quick answer on the same app still goes in the ack.
    expect(visibleText(ackedMessage(await slow.command(QUESTION)))).toContain('Migration Policy Institute')
  })
})
