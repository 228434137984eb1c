/**
 * The Discord adapter and the store, end to end: the real discord.js Client against the fake
 * Discord, logging into a real SQLite store. What was asked is logged after the answer went out,
 * with every id hashed; 👍/👎 clicks are stored; a store that is down or hangs costs the member
 * nothing; a malformed or unknown vote button never breaks the bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/store.js'
import { eventually, openTestStore, type TestStore, throwingStore } from '../support/adapter-store.js'
import {
  buttonClick,
  EPHEMERAL,
  interactionOutcome,
  messageBody,
  messageCreate,
  nextId,
  replyTo,
  seedExplainer,
  slashCommand,
  startBot,
  type TestBot,
  textOf,
  user,
  votesOf,
  type Where,
} from './driver.js'
import type { Body } from './fake-discord.js'

const explainer = seedExplainer()
const TITLE = explainer.sources()[0].title

/** Ids the adapter hands out, in order, so a test knows which question a button carries. */
let made = 0
const newId = () => `00000000-0000-4000-8000-${String(++made).padStart(12, '0')}`

async function interact(bot: TestBot, payload: { id: string; token: string }): Promise<Body> {
  bot.fake.dispatch('INTERACTION_CREATE', payload)
  return messageBody((await interactionOutcome(bot.fake, payload)).final)
}

const askIn = (bot: TestBot, where: Where, question: string, member: string, extra: { name: string; type: number; value: boolean }[] = []) =>
  interact(bot, slashCommand('ask', [{ name: 'question', type: 3, value: question }, ...extra], where, member))

async function mention(bot: TestBot, where: Where, content: string, member: string): Promise<Body> {
  const message = messageCreate(content, where, user(member), 'guild' in where)
  bot.fake.dispatch('MESSAGE_CREATE', message)
  return messageBody(await replyTo(bot.fake, message.id))
}

const click = (bot: TestBot, where: Where, customId: string, member: string) => interact(bot, buttonClick(customId, { content: 'an answer' }, where, member))

describe('with a working store', () => {
  let store: TestStore
  let bot: TestBot
  let guild: Where
  beforeAll(async () => {
    store = await openTestStore()
    bot = await startBot(explainer, { store: store.store, newId, rateLimit: { limit: 1_000 } })
    guild = { guild: bot.fake.guilds[0] }
  })
  afterAll(async () => {
    await bot?.close()
    await store?.close()
  })
  const rows = () => store.db.selectFrom('questions').selectAll().orderBy('asked_at').execute()

  it('logs each question after its answer, with its status, refs and article; no server, channel or member id in clear', async () => {
    const asker = nextId()
    const answered = await askIn(bot, guild, 'Who is Alicia Bárcena?', asker)
    const id = votesOf(answered)[0].split(':')[2]
    const dm: Where = { dm: nextId() }
    const declined = await mention(bot, dm, 'What is the boiling point of mercury on Jupiter?', asker)
    expect(textOf(declined)).toMatch(/couldn't find/i)
    expect(votesOf(declined)).toHaveLength(2)
    const logged = await eventually(rows, (r) => r.length === 2, 'two logged questions')
    expect(logged[0]).toMatchObject({ id, platform: 'discord', question: 'Who is Alicia Bárcena?', status: 'answered', article: TITLE })
    expect(JSON.parse(logged[0].refs).length).toBeGreaterThan(0)
    expect(logged[1]).toMatchObject({ platform: 'discord', question: 'What is the boiling point of mercury on Jupiter?', status: 'not_found', refs: '[]' })
    // The same member in a server and in a DM: one hash, however it was asked.
    expect(logged[0].member).toBe(logged[1].member)
    const dump = await store.dump()
    for (const clear of [asker, bot.fake.guilds[0].id, bot.fake.guilds[0].channel, dm.dm]) expect(dump).not.toContain(clear)
  })

  it('logs an overlong question as invalid, with no 👍/👎 under the refusal', async () => {
    const long = `Why ${'really '.repeat(100)}so?`
    const reply = await mention(bot, guild, `<@900000000000000001> ${long}`, nextId())
    expect(votesOf(reply)).toEqual([])
    await eventually(
      () => store.db.selectFrom('questions').select('status').where('question', '=', long).execute(),
      (r) => r.length === 1 && r[0].status === 'invalid',
      'the invalid question logged',
    )
  })

  it('logs nothing for a view asked in words, the how-to, or a member told to slow down', async () => {
    const limited = await startBot(explainer, { store: store.store, newId, rateLimit: { limit: 1 } })
    try {
      const before = (await rows()).map((r) => r.id)
      const view = await mention(bot, guild, "<@900000000000000001> who's who?", nextId())
      expect(votesOf(view)).toEqual([])
      await mention(bot, guild, '<@900000000000000001>', nextId())
      const fast = nextId()
      const first = await mention(limited, { guild: limited.fake.guilds[0] }, '<@900000000000000001> Who is Andrew Selee?', fast)
      const slowed = await mention(limited, { guild: limited.fake.guilds[0] }, '<@900000000000000001> Who is Alicia Bárcena?', fast)
      expect(textOf(slowed)).toMatch(/slow down/i)
      // Log writes land in the background, one after another on the store's one connection: once
      // a question asked after all of these is logged, a row for any of them would have landed too.
      const last = await mention(bot, guild, '<@900000000000000001> What is the boiling point of mercury on Jupiter?', nextId())
      const lastId = votesOf(last)[0].split(':')[2]
      const added = await eventually(
        async () => (await rows()).filter((r) => !before.includes(r.id)),
        (r) => r.some((row) => row.id === lastId),
        'the last question logged',
      )
      expect(added.map((r) => r.id).sort()).toEqual([votesOf(first)[0].split(':')[2], lastId].sort())
    } finally {
      await limited.close()
    }
  })

  it('stores a 👍 on a private answer, thanked privately; a second click turns it into a 👎', async () => {
    const voter = nextId()
    const answer = await askIn(bot, guild, 'Who is Andrew Selee?', voter, [{ name: 'private', type: 5, value: true }])
    expect(answer.flags).toBe(EPHEMERAL)
    const [up, down] = votesOf(answer)
    const thanks = await click(bot, guild, up, voter)
    expect(thanks).toMatchObject({ content: 'Thanks, noted.', flags: EPHEMERAL })
    const questionId = up.split(':')[2]
    const votes = () => store.db.selectFrom('votes').selectAll().where('question_id', '=', questionId).execute()
    await eventually(votes, (v) => v.length === 1 && v[0].vote === 1, 'the 👍')
    await click(bot, guild, down, voter)
    await eventually(votes, (v) => v.length === 1 && v[0].vote === -1, 'the 👍 turned 👎')
    expect(await store.dump()).not.toContain(voter)
  })

  it('a malformed vote button stores nothing and says it expired; a vote on an id never logged is thanked and harms nothing', async () => {
    const count = async () => (await store.db.selectFrom('votes').select(store.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
    const before = Number(await count())
    for (const bad of ['vote:up:not-an-id', 'vote:sideways:00000000-0000-4000-8000-000000000001', 'vote:up']) {
      const reply = await click(bot, guild, bad, nextId())
      expect(reply.flags).toBe(EPHEMERAL)
      expect(reply.content).toMatch(/expired/)
    }
    const stray = await click(bot, guild, 'vote:down:ffffffff-0000-4000-8000-000000000000', nextId())
    expect(stray.content).toBe('Thanks, noted.')
    await eventually(count, (n) => Number(n) === before + 1, 'the stray vote, kept until it is pruned')
    // Still serving.
    expect(textOf(await askIn(bot, guild, 'Who is Andrew Selee?', nextId()))).toContain('Selee')
    expect(bot.logs.filter((l) => /failed/.test(l))).toEqual([])
  })
})

describe('with a store that is down', () => {
  it('a closed store: the member still gets the answer and can vote; the store says so once', async () => {
    const store = await openTestStore()
    await store.store.close()
    const bot = await startBot(explainer, { store: store.store, rateLimit: { limit: 1_000 } })
    try {
      const guild: Where = { guild: bot.fake.guilds[0] }
      for (const question of ['Who is Alicia Bárcena?', 'Who is Andrew Selee?'])
        expect(textOf(await askIn(bot, guild, question, nextId()))).toContain(question.split(' ')[2])
      const answer = await askIn(bot, guild, 'Who is Andrew Selee?', nextId())
      expect((await click(bot, guild, votesOf(answer)[0], nextId())).content).toBe('Thanks, noted.')
      await eventually(
        async () => store.lines,
        (l) => l.length > 0,
        'the store’s line',
      )
      expect(store.lines).toHaveLength(1)
      expect(store.lines[0]).toMatch(/^store: cannot write the question log/)
    } finally {
      await bot.close()
      await store.db.destroy()
    }
  })

  /** With a broken store the member still gets the answer and the vote's thanks; `then` checks what the store saw. */
  async function answersAndThanksWith(store: Store, vote: 0 | 1, then: (bot: TestBot) => Promise<void>): Promise<void> {
    const bot = await startBot(explainer, { store, rateLimit: { limit: 1_000 } })
    try {
      const guild: Where = { guild: bot.fake.guilds[0] }
      const answer = await askIn(bot, guild, 'Who is Alicia Bárcena?', nextId())
      expect(textOf(answer)).toContain('Bárcena')
      expect((await click(bot, guild, votesOf(answer)[vote], nextId())).content).toBe('Thanks, noted.')
      await then(bot)
    } finally {
      await bot.close()
    }
  }

  it('a store that never answers: the answer is not held up by it', async () => {
    const pending: unknown[] = []
    const hanging: Store = {
      logQuestion: (q) => new Promise(() => pending.push(q)),
      vote: (v) => new Promise(() => pending.push(v)),
      prune: async () => {},
      close: async () => {},
    }
    await answersAndThanksWith(hanging, 1, async () => {
      // Both writes were started, and neither has finished.
      expect(pending).toHaveLength(2)
    })
  })

  it('a store that throws at once: the answer goes out and the failure is logged, not thrown', async () => {
    const throwing = throwingStore('disk on fire')
    await answersAndThanksWith(throwing, 0, async (bot) => {
      await eventually(
        async () => bot.logs.filter((l) => l.includes('disk on fire')),
        (l) => l.length === 2,
        'both failures logged',
      )
      expect(bot.logs.filter((l) => l.includes('disk on fire'))).toEqual(['logging a question failed: disk on fire', 'storing a vote failed: disk on fire'])
    })
  })
})
