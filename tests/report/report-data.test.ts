import { beforeAll, describe, expect, it } from 'vitest'
import { createExplainer, type Explainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { buildReport, NO_ROWS } from '../../src/report/build-report.js'
import { formatText } from '../../src/report/format-text.js'
import { groupQuestions, questionKey } from '../../src/report/group-questions.js'
import { parseSince } from '../../src/report/since.js'
import { groupVotedDown } from '../../src/report/voted-down.js'
import { type DatabaseLocation, openDatabase } from '../../src/store/open-database.js'
import { readReportRows, type VotedDownRow } from '../../src/store/report-queries.js'
import { postgresDatabase, postgresServer, sqliteFile } from '../support/databases.js'
import { DAY, fillStore } from './fill-store.js'

const NOW = Date.UTC(2026, 10, 29, 9, 30)

describe('questionKey: the same question typed differently', () => {
  it('folds case, punctuation, spacing, accents, stop words and word forms', () => {
    expect(questionKey('How many were DEPORTED?')).toBe(questionKey('how many deported'))
    expect(questionKey('Who is  Andrés López?!')).toBe(questionKey('who is andres lopez'))
    expect(questionKey('When did the deportations start?')).toBe(questionKey('when did deportation start'))
  })

  it('keeps apart questions that ask something else of the same words', () => {
    expect(questionKey('Who is Meyer?')).not.toBe(questionKey('What did Meyer say?'))
    expect(questionKey('When was the tower built?')).not.toBe(questionKey('Where was the tower built?'))
    expect(questionKey('why?')).not.toBe(questionKey('how?'))
  })

  it('groups, most asked first, counting members and the other typings', () => {
    const at = (i: number) => NOW - i * 1000
    const groups = groupQuestions([
      { question: 'Who was Kuill?', askedAt: at(5), member: 'a', article: null },
      { question: 'who was kuill', askedAt: at(4), member: 'b', article: null },
      { question: 'Who was Kuill?', askedAt: at(3), member: 'a', article: null },
      { question: 'Is there a ferry?', askedAt: at(2), member: 'c', article: 'The Lighthouse' },
    ])
    expect(groups).toEqual([
      { question: 'Who was Kuill?', count: 3, members: 2, alsoTyped: ['who was kuill'], articles: [], lastAskedAt: new Date(at(3)).toISOString() },
      { question: 'Is there a ferry?', count: 1, members: 1, alsoTyped: [], articles: ['The Lighthouse'], lastAskedAt: new Date(at(2)).toISOString() },
    ])
  })
})

describe('groupVotedDown: one entry per answer', () => {
  const row = (id: string, question: string | null, refs: string[], up: number, down: number): VotedDownRow => ({
    id,
    question,
    status: 'answered',
    refs,
    article: null,
    up,
    down,
  })

  it('adds up the votes of one question typed differently and answered alike; a different citation is another answer', () => {
    const grouped = groupVotedDown(
      [
        row('a', 'Who paid for the wall?', ['x#p1'], 0, 2),
        row('b', 'who paid for the wall', ['x#p1'], 1, 1),
        row('c', 'Who paid for the wall?', ['x#p1'], 0, 1),
        row('d', 'Who paid for the wall?', ['x#p9'], 0, 1),
        row('e', null, ['x#p4'], 0, 1),
        row('f', null, ['x#p4'], 2, 1),
      ],
      undefined,
    )
    expect(grouped.map((g) => [g.question, g.answers, g.up, g.down, g.cited.map((c) => c.ref).join()])).toEqual([
      ['Who paid for the wall?', 3, 1, 4, 'x#p1'],
      [null, 2, 2, 2, 'x#p4'],
      ['Who paid for the wall?', 1, 0, 1, 'x#p9'],
    ])
  })
})

describe('the text report in a terminal', () => {
  it('turns a question typed with terminal escapes or a direction override into plain text', () => {
    const typed = 'Who \u001b[2J\u001b[31mwas\u0007 \u202eQuill?\u202c'
    const rows = {
      ...NO_ROWS,
      totals: { ...NO_ROWS.totals, questions: 1, first: NOW },
      days: [{ day: Math.floor(NOW / DAY), questions: 1, answered: 0, invalid: 0 }],
    }
    const text = formatText(
      buildReport({ ...rows, unanswered: [{ question: typed, article: null, askedAt: NOW, member: 'h' }] }, { since: NOW - DAY, now: NOW }),
    )
    expect(text).toContain('1×  Who was Quill?')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
  })
})

describe('parseSince', () => {
  it('reads hours, days, weeks and a past day', () => {
    expect(parseSince('24h', NOW)).toBe(NOW - DAY)
    expect(parseSince('7d', NOW)).toBe(NOW - 7 * DAY)
    expect(parseSince('2W', NOW)).toBe(NOW - 14 * DAY)
    expect(parseSince('2026-11-01', NOW)).toBe(Date.UTC(2026, 10, 1))
  })

  it('refuses what is not a time back from now', () => {
    for (const bad of ['7', 'd', '0d', '-3d', '7 days', '2026-02-31', '2027-01-01', 'yesterday', '']) expect(parseSince(bad, NOW), bad).toBeUndefined()
  })
})

const dialects = [
  { name: 'SQLite', location: async (): Promise<DatabaseLocation> => ({ file: sqliteFile() }), skip: false },
  { name: 'PostgreSQL', location: async (): Promise<DatabaseLocation> => ({ url: await postgresDatabase() }), skip: !postgresServer() },
]

describe.each(dialects)('the report from a real store on $name', ({ location: where, skip }) => {
  let explainer: Explainer
  let location: DatabaseLocation
  beforeAll(async () => {
    if (skip) return
    explainer = createExplainer(loadKnowledge('tests/fixtures/knowledge'))
    location = await where()
    await fillStore(location, NOW)
  })

  const report = async (since: number, withArticles = true) => {
    const db = await openDatabase(location)
    try {
      const rows = await readReportRows(db, since)
      return buildReport(rows, { since, now: NOW, ...(withArticles ? { explainer, aliasFileOf: (s: string) => `k/${s}/aliases.txt` } : {}) })
    } finally {
      await db.destroy()
    }
  }

  it.skipIf(skip)('counts the week: answered share without the invalid question, members, votes after a changed vote', async () => {
    const r = await report(NOW - 7 * DAY)
    expect(r.totals).toEqual({ questions: 10, answered: 3, notFound: 6, invalid: 1, answeredShare: 3 / 9, members: 4, votes: { up: 2, down: 2 } })
    expect(r.days.map((d) => [d.date, d.questions, d.answered])).toEqual([
      ['2026-11-27', 4, 1],
      ['2026-11-28', 4, 1],
      ['2026-11-29', 2, 1],
    ])
    expect(r.articles).toEqual([
      { article: null, questions: 7, answered: 0, notFound: 6, invalid: 1, answeredShare: 0 },
      { article: 'The Alder Point Lighthouse', questions: 3, answered: 3, notFound: 0, invalid: 0, answeredShare: 1 },
    ])
  })

  it.skipIf(skip)('fills quiet days and leaves out what is older than --since', async () => {
    const r = await report(NOW - 30 * DAY)
    expect(r.totals.questions).toBe(11)
    expect(r.days).toHaveLength(11)
    expect(r.days.filter((d) => d.questions === 0)).toHaveLength(7)
    expect(r.days[1].answeredShare).toBeNull()
  })

  it.skipIf(skip)('groups the unanswered questions', async () => {
    const r = await report(NOW - 7 * DAY)
    expect(r.unanswered.map((g) => [g.question, g.count, g.members])).toEqual([
      ['Who was Kuill?', 3, 3],
      ['Can I take the ferry?', 1, 1],
      ['How tall is the towr?', 1, 1],
      ['Is there a ferry to the lighthouse?', 1, 1],
    ])
    expect(r.unanswered[0].alsoTyped).toEqual(['who was kuill', 'WHO WAS KUILL???'])
  })

  it.skipIf(skip)('lists the answer voted down with the sentence it cited', async () => {
    const r = await report(NOW - 7 * DAY)
    expect(r.votedDown).toHaveLength(1)
    const [v] = r.votedDown
    expect(v).toMatchObject({ question: 'When did the work on the tower begin?', status: 'answered', answers: 1, up: 1, down: 2 })
    expect(v.cited).toEqual([
      { ref: 'alder-lighthouse#p2', article: 'The Alder Point Lighthouse', text: expect.stringContaining('Work on the tower began in 1841') },
    ])
  })

  it.skipIf(skip)('suggests the alias lines for near misses the core does not correct, and the word no article has', async () => {
    const r = await report(NOW - 7 * DAY)
    expect(r.suggestions).toEqual([
      expect.objectContaining({ kind: 'alias', word: 'kuill', line: 'kuill = Quill', file: 'k/alder-lighthouse/aliases.txt', questions: 3 }),
      expect.objectContaining({ kind: 'alias', word: 'towr', line: 'towr = tower', questions: 1 }),
      expect.objectContaining({ kind: 'missing', word: 'ferry', questions: 2 }),
    ])
  })

  it.skipIf(skip)('without the articles: counts and groups still, with a note instead of sentences and suggestions', async () => {
    const r = await report(NOW - 7 * DAY, false)
    expect(r.votedDown[0].cited).toEqual([{ ref: 'alder-lighthouse#p2' }])
    expect(r.suggestions).toEqual([])
    expect(r.notes).toEqual([expect.stringMatching(/no articles loaded/)])
  })
})
