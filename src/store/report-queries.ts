import { type Kysely, sql } from 'kysely'
import { DAY_MS } from '../core/time.js'
import type { Database } from './schema.js'

/**
 * What `explainer report` reads from the store, one Kysely query each, the same SQL on SQLite and
 * PostgreSQL. Counting happens in the database (a month of questions never crosses the wire row by
 * row); only the unanswered and voted-down questions come back one by one, because grouping them
 * needs the core's word folding. No query selects a place or channel, and member hashes stay
 * inside the database: the report counts them, it never shows them.
 */

/** Questions of one UTC day (days since the epoch), and how many of them were answered. */
export type DayCount = { day: number; questions: number; answered: number; invalid: number }

/** Questions whose first citation came from one article (null: nothing cited). */
export type ArticleCount = { article: string | null; questions: number; answered: number; invalid: number }

/** One question that got no answer; `question` is null when QUESTION_LOG=off kept no text. */
export type UnansweredRow = { question: string | null; article: string | null; askedAt: number; member: string | null }

export type VotedDownRow = { id: string; question: string | null; status: string; refs: string[]; article: string | null; up: number; down: number }

export type Totals = { questions: number; answered: number; invalid: number; members: number; up: number; down: number; first: number | null }

// Counts come back as numbers from SQLite and as strings from PostgreSQL's count(): one place turns them into numbers.
const n = (value: unknown): number => Number(value ?? 0)

const answered = sql<number>`sum(case when status = 'answered' then 1 else 0 end)`
const invalid = sql<number>`sum(case when status = 'invalid' then 1 else 0 end)`
const upVotes = sql<number>`sum(case when votes.vote > 0 then 1 else 0 end)`
const downVotes = sql<number>`sum(case when votes.vote < 0 then 1 else 0 end)`

async function dayCounts(db: Kysely<Database>, since: number): Promise<DayCount[]> {
  // Integer division on both dialects (bigint / integer): the UTC day a question was asked on.
  const day = sql<number>`asked_at / ${sql.lit(DAY_MS)}`
  const rows = await db
    .selectFrom('questions')
    .select([day.as('day'), (eb) => eb.fn.countAll().as('questions'), answered.as('answered'), invalid.as('invalid')])
    .where('asked_at', '>=', since)
    .groupBy(day)
    .orderBy(day)
    .execute()
  return rows.map((r) => ({ day: n(r.day), questions: n(r.questions), answered: n(r.answered), invalid: n(r.invalid) }))
}

async function articleCounts(db: Kysely<Database>, since: number): Promise<ArticleCount[]> {
  const rows = await db
    .selectFrom('questions')
    .select(['article', (eb) => eb.fn.countAll().as('questions'), answered.as('answered'), invalid.as('invalid')])
    .where('asked_at', '>=', since)
    .groupBy('article')
    .execute()
  return rows.map((r) => ({ article: r.article, questions: n(r.questions), answered: n(r.answered), invalid: n(r.invalid) }))
}

/** Questions the bot could not answer (not_found; an empty or over-long question is `invalid` and not a gap in the articles). */
async function unansweredQuestions(db: Kysely<Database>, since: number): Promise<UnansweredRow[]> {
  const rows = await db
    .selectFrom('questions')
    .select(['question', 'article', 'asked_at', 'member'])
    .where('asked_at', '>=', since)
    .where('status', '=', 'not_found')
    .orderBy('asked_at')
    .execute()
  return rows.map((r) => ({ question: r.question, article: r.article, askedAt: n(r.asked_at), member: r.member }))
}

/** Every answer at least one member voted 👎 on, with its 👍 and 👎 counts, most voted down first. */
export async function votedDown(db: Kysely<Database>, since: number): Promise<VotedDownRow[]> {
  const rows = await db
    .selectFrom('questions')
    .innerJoin('votes', 'votes.question_id', 'questions.id')
    .select(['questions.id', 'questions.question', 'questions.status', 'questions.refs', 'questions.article', upVotes.as('up'), downVotes.as('down')])
    .where('questions.asked_at', '>=', since)
    .groupBy(['questions.id', 'questions.question', 'questions.status', 'questions.refs', 'questions.article'])
    .having(downVotes, '>', 0)
    .orderBy(downVotes, 'desc')
    .orderBy('questions.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    status: r.status,
    refs: parseRefs(r.refs),
    article: r.article,
    up: n(r.up),
    down: n(r.down),
  }))
}

export async function totals(db: Kysely<Database>, since: number): Promise<Totals> {
  const q = await db
    .selectFrom('questions')
    .select([
      (eb) => eb.fn.countAll().as('questions'),
      answered.as('answered'),
      invalid.as('invalid'),
      (eb) => eb.fn.count('member').distinct().as('members'),
      (eb) => eb.fn.min('asked_at').as('first'),
    ])
    .where('asked_at', '>=', since)
    .executeTakeFirstOrThrow()
  const v = await db
    .selectFrom('votes')
    .innerJoin('questions', 'questions.id', 'votes.question_id')
    .select([upVotes.as('up'), downVotes.as('down')])
    .where('questions.asked_at', '>=', since)
    .executeTakeFirstOrThrow()
  return {
    questions: n(q.questions),
    answered: n(q.answered),
    invalid: n(q.invalid),
    members: n(q.members),
    up: n(v.up),
    down: n(v.down),
    first: q.first === null ? null : n(q.first),
  }
}

/** The refs column is a JSON array written by the store; anything else reads as no refs rather than failing the report. */
function parseRefs(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string') : []
  } catch {
    return []
  }
}

/**
 * Whether the bot has made the tables the report reads. The report never migrates (it opens the
 * store read-only), so a store the bot has not served with yet has none: nothing logged yet.
 */
export async function hasReportTables(db: Kysely<Database>): Promise<boolean> {
  const names = new Set((await db.introspection.getTables()).map((t) => t.name))
  return names.has('questions') && names.has('votes')
}

/** Everything the report reads, in one call. */
export type ReportRows = {
  totals: Totals
  days: DayCount[]
  articles: ArticleCount[]
  unanswered: UnansweredRow[]
  votedDown: VotedDownRow[]
}

export async function readReportRows(db: Kysely<Database>, since: number): Promise<ReportRows> {
  // One snapshot for the five reads, so a bot writing meanwhile cannot make the totals disagree
  // with the days: REPEATABLE READ on PostgreSQL; SQLite's driver ignores the level, and its one
  // transaction reads one snapshot of the WAL. One read after another: a connection runs one at a time.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => ({
      totals: await totals(tx, since),
      days: await dayCounts(tx, since),
      articles: await articleCounts(tx, since),
      unanswered: await unansweredQuestions(tx, since),
      votedDown: await votedDown(tx, since),
    }))
}
