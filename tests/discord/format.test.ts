/** Rendering, without Discord: an Answer as an embed and buttons, within every limit by construction. */
import { ApplicationCommandOptionType } from 'discord.js'
import { describe, expect, it } from 'vitest'
import { SLASH_COMMANDS } from '../../src/adapters/discord/commands/index.js'
import { answerMessage, fitLines, noteMessage, shown } from '../../src/adapters/discord/format.js'
import { BOT_PERMISSIONS, inviteUrl } from '../../src/adapters/discord/invite.js'
import { helpMessage, sourcesMessage } from '../../src/adapters/discord/messages.js'
import { voteOf } from '../../src/adapters/discord/vote-ids.js'
import { createFollowUpIds } from '../../src/adapters/shared/question-keys.js'
import type { Answer, Citation } from '../../src/core/types.js'
import { limitProblems } from './driver.js'

const cite = (over: Partial<Citation> = {}): Citation => ({
  ref: 'm#p7',
  quote: 'The bridge reopened on Monday.',
  article: 'Bridge Reopens',
  kind: 'body',
  ...over,
})
const answer = (over: Partial<Answer> = {}): Answer => ({ status: 'answered', text: 'It reopened on Monday. [1]', citations: [cite()], followUps: [], ...over })
const view = (over = {}) => ({ ids: createFollowUpIds({ maxLength: 100 }), knownTitles: ['Bridge Reopens'], ...over })
/** A message as discord.js would send it: allowed_mentions under its wire name. */
const wire = (m: ReturnType<typeof answerMessage>) => ({ ...m, allowed_mentions: m.allowedMentions })

describe('answerMessage', () => {
  it('numbers each citation with its paragraph, section, speaker and kind; the article is the footer', () => {
    const m = answerMessage(
      answer({
        citations: [
          cite({ section: 'The repairs', speaker: 'Ana Ruiz', kind: 'quote' }),
          cite({ ref: 'm#p2', kind: 'caption', quote: 'Cars cross the bridge.' }),
          cite({ ref: 'm#p30', kind: 'related', quote: 'Another bridge closes.' }),
        ],
      }),
      view(),
    )
    const [embed] = m.embeds
    expect(embed.description).toBe('It reopened on Monday. [1]')
    // The terminal's citation line: where the quote stands, who said it, what kind of text it is.
    expect(embed.fields?.map((f) => f.name)).toEqual([
      '[1] ¶7 · The repairs · said by Ana Ruiz',
      '[2] ¶2 · photo caption',
      "[3] ¶30 · related headline, not this article's reporting",
    ])
    expect(embed.fields?.[0].value).toBe('> The bridge reopened on Monday.')
    expect(embed.fields?.[1].value).toBe('> Cars cross the bridge.')
    expect(embed.footer?.text).toBe('Bridge Reopens')
    expect(m.allowedMentions).toEqual({ parse: [], repliedUser: false })
  })

  it('shows a sentence once: a quote the answer already shows is cited by where it stands only', () => {
    const m = answerMessage(answer({ text: 'The bridge reopened on Monday. [1]', citations: [cite({ section: 'The repairs' })] }), view())
    const [embed] = m.embeds
    expect(JSON.stringify(embed).split('The bridge reopened on Monday.').length - 1).toBe(1)
    expect(embed.fields?.[0].name).toBe('[1] ¶7 · The repairs')
  })

  it('a not_found answer names what the articles cover, once, and offers questions', () => {
    const m = answerMessage(answer({ status: 'not_found', text: "I couldn't find that.", citations: [], followUps: ['Who is Ana Ruiz?'] }), view())
    expect(m.embeds[0].fields).toEqual([{ name: 'I can answer questions about this article', value: '• Bridge Reopens' }])
    expect(JSON.stringify(m.embeds[0]).split('Bridge Reopens').length - 1).toBe(1)
    expect(m.components[0].components[0]).toMatchObject({ label: 'Who is Ana Ruiz?', custom_id: 'ask:Who is Ana Ruiz?' })
  })

  it('escapes Markdown in the question and the answer text', () => {
    const m = answerMessage(answer({ text: 'No answer for **you** [x](http://e.vil)' }), view({ question: '# big `code` ||spoiler||' }))
    expect(m.embeds[0].title).toBe('\\# big \\`code\\` \\|\\|spoiler\\|\\|')
    expect(m.embeds[0].description).toBe('No answer for \\*\\*you\\*\\* \\[x](http://e.vil)')
  })

  it('holds every Discord limit for an enormous answer, trimming cleanly with "…"', () => {
    const long = 'evidence '.repeat(2_000).trim()
    const citations = Array.from({ length: 40 }, (_, i) => cite({ ref: `m#p${i}`, quote: long, section: 'S'.repeat(400), speaker: 'P'.repeat(300) }))
    const followUps = Array.from({ length: 12 }, (_, i) => `${i} ${'why '.repeat(60)}`)
    const m = answerMessage(answer({ text: long, citations, followUps }), view({ question: 'q'.repeat(900), knownTitles: ['T'.repeat(5_000)] }))
    expect(limitProblems(wire(m))).toEqual([])
    expect(m.embeds[0].description?.endsWith('…')).toBe(true)
    expect(m.embeds[0].fields?.length).toBeGreaterThan(1)
    const buttons = m.components.flatMap((r) => r.components)
    expect(buttons).toHaveLength(5)
    expect(new Set(buttons.map((b) => ('custom_id' in b ? b.custom_id : ''))).size).toBe(5)
  })

  it('puts 👍/👎 in a last row of their own, carrying the question id, and within the limits beside five follow-ups', () => {
    const id = '123e4567-e89b-42d3-a456-426614174000'
    const followUps = Array.from({ length: 12 }, (_, i) => `${i} ${'why '.repeat(60)}`)
    const m = answerMessage(answer({ followUps }), view({ questionId: id }))
    expect(limitProblems(wire(m))).toEqual([])
    expect(m.components).toHaveLength(2)
    const votes = m.components[1].components.map((b) => ('custom_id' in b ? b.custom_id : ''))
    expect(votes.map(voteOf)).toEqual([
      { questionId: id, vote: 'up' },
      { questionId: id, vote: 'down' },
    ])
    // No id, no votes: views and the bot's own notes have none.
    expect(answerMessage(answer(), view()).components).toEqual([])
  })

  it('shows each distinct follow-up once', () => {
    const m = answerMessage(answer({ followUps: ['Who?', 'Who?', ' Who? ', 'Why?'] }), view())
    expect(m.components[0].components.map((b) => ('label' in b ? b.label : ''))).toEqual(['Who?', 'Why?'])
  })
})

describe('vote ids', () => {
  it('read back only what the bot wrote: a vote up or down on a question id', () => {
    const id = '123e4567-e89b-42d3-a456-426614174000'
    expect(voteOf(`vote:down:${id}`)).toEqual({ questionId: id, vote: 'down' })
    for (const bad of ['vote:up:', 'vote:up:x', `vote:maybe:${id}`, `vote:up:${id}:more`, `ask:${id}`, `vote:up:${id}0`]) expect(voteOf(bad)).toBeUndefined()
  })
})

describe('follow-up ids', () => {
  it('carry a question that fits in the custom_id itself, and a longer one by a short key', () => {
    const ids = createFollowUpIds({ maxLength: 100, capacity: 2 })
    expect(ids.encode('Who is Ana?')).toBe('ask:Who is Ana?')
    expect(ids.decode('ask:Who is Ana?')).toEqual({ question: 'Who is Ana?' })
    const long = 'Why '.repeat(40)
    const id = ids.encode(long)
    expect(id.length).toBeLessThanOrEqual(100)
    expect(ids.decode(id)).toEqual({ question: long })
    expect(ids.decode('something-else')).toBeUndefined()
  })

  it("a long question's key is this instance's own: another (a restarted process) says it expired, never asks its own question", () => {
    const before = createFollowUpIds({ maxLength: 100 })
    const after = createFollowUpIds({ maxLength: 100 })
    const [old, mine] = [before.encode('Why '.repeat(40)), after.encode('How '.repeat(40))]
    expect(old).toMatch(/^ask#[\w-]{8}\.0$/)
    expect(mine).toMatch(/^ask#[\w-]{8}\.0$/)
    expect(old).not.toBe(mine)
    expect(after.decode(old)).toEqual({ expired: true })
    expect(before.decode(mine)).toEqual({ expired: true })
    expect(before.decode(old)).toEqual({ question: 'Why '.repeat(40) })
    expect(after.decode(mine)).toEqual({ question: 'How '.repeat(40) })
    expect(after.decode('ask#0')).toEqual({ expired: true }) // a key from before prefixes
  })

  it('forget the oldest long questions past their capacity', () => {
    const ids = createFollowUpIds({ maxLength: 100, capacity: 2 })
    const [a, b, c] = ['A', 'B', 'C'].map((x) => ids.encode(x.repeat(120)))
    expect(ids.decode(a)).toEqual({ expired: true })
    expect(ids.decode(b)).toEqual({ question: 'B'.repeat(120) })
    expect(ids.decode(c)).toEqual({ question: 'C'.repeat(120) })
  })
})

describe('shown', () => {
  it('cuts the raw text, then escapes it: no stray backslash before the "…"', () => {
    expect(shown('*'.repeat(20), 10)).toBe('\\*\\*\\**…')
    expect(shown('Who is **Ana** _Ruiz_, the mayor?', 20)).toBe('Who is \\*\\*Ana\\*\\*…')
  })

  it('stays within the limit however much escaping lengthens the text, and never splits an escape', () => {
    const texts = ['*'.repeat(300), '_a_ '.repeat(80), '# # # **x** ~~y~~ `z` ||s|| > q [l](u) '.repeat(20), 'plain words only '.repeat(30)]
    for (const text of texts)
      for (let max = 1; max <= 120; max++) {
        const out = shown(text, max)
        expect(out.length).toBeLessThanOrEqual(max)
        expect(out).not.toMatch(/\\…$/)
        if (out.endsWith('…')) expect(out.length).toBeGreaterThan(max / 3) // shrunk to fit, not to nothing
      }
  })

  it('leaves short text as it is, spaces collapsed', () => {
    expect(shown('  Who   is\nAna? ', 100)).toBe('Who is Ana?')
  })
})

describe('the bot’s own messages', () => {
  it('cut plain replies to 2,000 characters and never ping', () => {
    const m = noteMessage('x '.repeat(3_000))
    expect(m.content?.length).toBeLessThanOrEqual(2_000)
    expect(limitProblems(wire(m))).toEqual([])
  })

  it('list a thousand sources within the embed limits, saying how many more there are', () => {
    const sources = Array.from({ length: 1_000 }, (_, i) => ({
      slug: `a${i}`,
      title: `Article number ${i} about *things*`,
      outlet: 'The Paper',
      url: `https://example.com/${i}`,
      facts: 3,
    }))
    const m = sourcesMessage(sources)
    expect(limitProblems(wire(m))).toEqual([])
    expect(m.embeds[0].description).toMatch(/…and \d+ more$/)
    expect(m.embeds[0].description).toContain('Article number 0 about \\*things\\*')
  })

  it('help says how to ask and the limits', () => {
    const m = helpMessage([{ slug: 'a', title: 'Bridge Reopens', facts: 2 }], { limit: 5, windowMs: 30_000 }, 'Who is Ana Ruiz?')
    expect(m.embeds[0].description).toContain('5 questions every 30 seconds')
    expect(m.embeds[0].description).toContain('Who is Ana Ruiz?')
  })

  it('fitLines keeps whole lines', () => {
    expect(fitLines(['aaaa', 'bbbb', 'cccc'], 20)).toBe('aaaa\n…and 2 more')
    expect(fitLines(['aa', 'bb'], 20)).toBe('aa\nbb')
  })
})

describe('slash commands and invite', () => {
  it('declares /ask with a required question of at most 500 characters, autocompleted, a private flag and an article picked by title', () => {
    const ask = SLASH_COMMANDS.find((c) => c.data.name === 'ask')
    expect(ask?.data.options).toEqual([
      expect.objectContaining({ name: 'question', type: ApplicationCommandOptionType.String, required: true, max_length: 500, autocomplete: true }),
      expect.objectContaining({ name: 'private', type: ApplicationCommandOptionType.Boolean }),
      expect.objectContaining({ name: 'article', type: ApplicationCommandOptionType.String, required: false, autocomplete: true }),
    ])
    expect(typeof ask?.autocomplete).toBe('function')
    const summary = SLASH_COMMANDS.find((c) => c.data.name === 'summary')
    expect(summary?.data.options).toEqual([expect.objectContaining({ name: 'article', autocomplete: true })])
    expect(typeof summary?.autocomplete).toBe('function')
  })

  it('declares ask, explain, summary, sources and help, usable in servers and DMs', () => {
    expect(SLASH_COMMANDS.map((c) => c.data.name)).toEqual(['ask', 'explain', 'summary', 'sources', 'help'])
    for (const c of SLASH_COMMANDS) {
      expect(c.data.contexts).toEqual([0, 1])
      expect(c.data.integration_types).toEqual([0])
      expect(c.data.description.length).toBeLessThanOrEqual(100)
    }
  })

  it('invites with bot + applications.commands and only the permissions answering needs', () => {
    expect(BOT_PERMISSIONS.toArray().sort()).toEqual(['EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel'])
    expect(inviteUrl('123')).toBe(`https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS.bitfield}`)
  })
})
