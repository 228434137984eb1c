/** Rendering for Slack, without Slack: Block Kit from an `Answer`, escaping, trimming and the retry memory. */
import { describe, expect, it } from 'vitest'
import { questionText } from '../../src/adapters/shared/question-text.js'
import { answerMessage, LIMITS, type SlackMessage, withVotes } from '../../src/adapters/slack/format.js'
import { helpMessage, slowDownMessage } from '../../src/adapters/slack/messages.js'
import { escapeMrkdwn, fitMrkdwn } from '../../src/adapters/slack/mrkdwn.js'
import type { Answer, Citation } from '../../src/core/types.js'
import { createDeduper } from '../../src/store/memory-dedupe.js'
import type { Captured } from './fake-slack.js'
import { buttonsOf, limitProblems, pings, visibleText } from './inspect.js'

const asSent = (m: SlackMessage): Captured => ({ method: 'chat.postMessage', body: { ...m } })
const cite = (over: Partial<Citation> = {}): Citation => ({ ref: 'a#p7', quote: 'The plan had 15 points.', article: 'An article', kind: 'body', ...over })
const answer = (over: Partial<Answer> = {}): Answer => ({
  status: 'answered',
  text: 'The plan had 15 points. [1]',
  citations: [cite()],
  followUps: ['Who is Andrew Selee?'],
  ...over,
})
/** An escape cut in half: `&` not followed by a whole `amp;`, `lt;` or `gt;`. */
const BROKEN_ENTITY = /&(?!amp;|lt;|gt;)/

describe('escaping and trimming', () => {
  it('escapes &, < and > so markup a member typed stays text', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U1> c > d')).toBe('a &amp; b &lt;!channel&gt; &lt;@U1&gt; c &gt; d')
  })

  it('keeps a bare @channel, @here or @everyone from notifying, invisibly', () => {
    const out = escapeMrkdwn('@channel @here @Everyone @channels2')
    expect(out).not.toMatch(/@(channel|here|everyone)\b/i)
    expect(out.replace(/\u2060/g, '')).toBe('@channel @here @Everyone @channels2')
  })

  it('trims before escaping: within the limit, never cutting an entity', () => {
    for (const max of [10, 11, 12, 13, 14, 50, 3_000]) {
      const out = fitMrkdwn('&'.repeat(5_000), max)
      expect(out.length).toBeLessThanOrEqual(max)
      expect(out.slice(0, -1)).not.toMatch(BROKEN_ENTITY)
      expect(out.endsWith('…')).toBe(true)
    }
    expect(fitMrkdwn('short & sweet', 3_000)).toBe('short &amp; sweet')
  })

  it('reads what a member typed out of Slack markup', () => {
    expect(questionText('<@UBOT> what is &lt;b&gt; &amp;lt; <!channel> <#C1|general> <https://x.org|a link> <https://y.org>')).toBe(
      'what is <b> &lt; a link https://y.org',
    )
    expect(questionText('  <@UBOT>  ')).toBe('')
  })
})

describe('answerMessage', () => {
  it('shows the answer, a context block per citation and a button per follow-up', () => {
    const message = answerMessage(
      answer({
        citations: [
          cite({ section: 'The border', speaker: 'Andrew Selee', kind: 'quote' }),
          cite({ ref: 'a#p9', kind: 'caption' }),
          cite({ ref: 'a#p12', kind: 'related' }),
        ],
        followUps: ['Who is Andrew Selee?', 'What did Andrew Selee say?'],
      }),
    )
    const [first, ...rest] = message.blocks
    expect(first).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'The plan had 15 points. [1]' } })
    expect(rest.filter((b) => b.type === 'context')).toHaveLength(3)
    const text = visibleText(asSent(message))
    // The answer shows the sentence: its citation adds only where it stands, who said it.
    expect(text).toContain('*[1]* ¶7 · The border · said by Andrew Selee')
    expect(text).not.toContain('“The plan had 15 points.”')
    expect(text).toContain('¶9 · photo caption')
    expect(text).toContain('¶12 · related headline')
    expect(buttonsOf(asSent(message))).toEqual([
      { action_id: 'follow_up_0', value: 'Who is Andrew Selee?', text: 'Who is Andrew Selee?' },
      { action_id: 'follow_up_1', value: 'What did Andrew Selee say?', text: 'What did Andrew Selee say?' },
    ])
    expect(message.text).toBe('The plan had 15 points. [1]')
  })

  it('names the article only when asked to (several articles known)', () => {
    expect(visibleText(asSent(answerMessage(answer(), { showArticle: true })))).toContain('An article · ¶7')
    expect(visibleText(asSent(answerMessage(answer())))).not.toContain('An article')
  })

  it('words a "not found" kindly and says what it does cover', () => {
    const text = visibleText(
      asSent(
        answerMessage(answer({ status: 'not_found', text: "I couldn't find an answer to that in the article.", citations: [] }), {
          knownTitles: ['Strategic Shift'],
        }),
      ),
    )
    expect(text).toContain("I couldn't find an answer")
    expect(text).toContain('I answer from *Strategic Shift*. The buttons below are questions I can answer.')
  })

  it('a private answer quotes the question and offers "Share in channel"; a shared one says who asked and has no buttons', () => {
    const privately = answerMessage(answer(), { question: 'Who <b>?', share: 'ask:Who <b>?' })
    expect(privately.text.startsWith('You asked: “Who &lt;b&gt;?”\n')).toBe(true)
    expect(buttonsOf(asSent(privately)).at(-1)).toEqual({ action_id: 'share_answer', value: 'ask:Who <b>?', text: 'Share in channel' })
    const shared = answerMessage(answer(), { question: 'Who <b>?', askedBy: 'U7', followUps: false })
    expect(visibleText(asSent(shared))).toContain('<@U7> asked: “Who &lt;b&gt;?”')
    expect(buttonsOf(asSent(shared))).toEqual([])
  })

  it('labels the overview (`/ask` with no text) instead of quoting a question nobody typed', () => {
    const privately = answerMessage(answer(), { question: 'summary', overview: true, share: 'ask:summary' })
    expect(privately.text.startsWith('You asked for an overview of the article\n')).toBe(true)
    expect(visibleText(asSent(privately))).not.toContain('“summary”')
    expect(buttonsOf(asSent(privately)).at(-1)).toMatchObject({ action_id: 'share_answer', value: 'ask:summary' })
    const shared = answerMessage(answer(), { question: 'summary', overview: true, askedBy: 'U7', followUps: false })
    expect(visibleText(asSent(shared))).toContain('<@U7> asked for an overview of the article')
  })

  it('holds every Slack limit by construction, however long or many the parts', () => {
    const long = `${'word & <b> '.repeat(2_000)}end`
    const message = answerMessage(
      answer({
        text: long,
        citations: Array.from({ length: 80 }, (_, i) => cite({ ref: `a#p${i}`, quote: long, section: long, speaker: long })),
        followUps: ['x'.repeat(300), 'y'.repeat(5_000), ...Array.from({ length: 40 }, (_, i) => `q${i}`)],
      }),
      { question: long, share: 'ask#key', knownTitles: [long] },
    )
    const sent = asSent(message)
    expect(limitProblems(sent)).toEqual([])
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks)
    for (const t of [message.text, ...visibleText(sent).split('\n')]) expect(t.slice(0, -1)).not.toMatch(BROKEN_ENTITY)
    const buttons = buttonsOf(sent)
    expect(buttons[0].text).toHaveLength(75)
    expect(buttons[1].value).toHaveLength(2_000)
    expect(buttons.at(-1)?.value).toBe('ask#key')
    expect(pings(sent)).toBe(false)
  })

  it('adds 👍/👎 as the last block, carrying the question id, and still holds the limits when the blocks are full', () => {
    const id = '123e4567-e89b-42d3-a456-426614174000'
    const full: SlackMessage = { text: 'x', blocks: Array.from({ length: LIMITS.blocks }, () => ({ type: 'section', text: { type: 'mrkdwn', text: 'x' } })) }
    const voted = asSent(withVotes(full, id))
    expect(limitProblems(voted)).toEqual([])
    expect(voted.body.blocks).toHaveLength(LIMITS.blocks)
    expect(buttonsOf(voted)).toEqual([
      { action_id: 'vote_up', value: id, text: '👍' },
      { action_id: 'vote_down', value: id, text: '👎' },
    ])
    // Beside follow-ups and a share button, action ids stay unique.
    expect(limitProblems(asSent(withVotes(answerMessage(answer(), { question: 'q', share: 'ask:q' }), id)))).toEqual([])
  })

  it('never lets echoed text ping, in blocks or in the fallback', () => {
    const echo = 'Nothing about "<!channel> <!here> <@U1> @everyone <!subteam^S1>".'
    const sent = asSent(answerMessage(answer({ status: 'not_found', text: echo, citations: [] }), { question: echo, share: 'ask:x' }))
    expect(pings(sent)).toBe(false)
    expect(sent.body.text).toContain('&lt;!channel&gt;')
  })

  it('always sets a text fallback, even for an empty answer', () => {
    const message = answerMessage(answer({ text: '', citations: [] }))
    expect(message.text.length).toBeGreaterThan(0)
    expect(limitProblems(asSent(message))).toEqual([])
  })
})

describe('fixed messages', () => {
  it('help says how to ask and about which articles; slow down says when to try again', () => {
    const help = asSent(helpMessage(['Strategic Shift']))
    expect(visibleText(help)).toContain('/ask your question')
    expect(visibleText(help)).toContain('I answer from *Strategic Shift*')
    expect(limitProblems(help)).toEqual([])
    expect(visibleText(asSent(slowDownMessage(12)))).toContain('try again in 12 s')
  })
})

describe('retry memory (event_id dedupe)', () => {
  it('says yes once per id, again after the TTL, and stays within its size', () => {
    let now = 0
    const dedupe = createDeduper({ ttlMs: 1_000, maxSize: 3, now: () => now })
    expect(dedupe.isFirst('a')).toBe(true)
    expect(dedupe.isFirst('a')).toBe(false)
    now = 999
    expect(dedupe.isFirst('a')).toBe(false)
    now = 1_000
    expect(dedupe.isFirst('a')).toBe(true)
    for (const id of ['b', 'c', 'd']) expect(dedupe.isFirst(id)).toBe(true)
    // Three kept at most: 'a' (the oldest) was forgotten to make room for 'd'.
    expect(dedupe.isFirst('a')).toBe(true)
    expect(dedupe.isFirst('d')).toBe(false)
  })
})
