import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import { migrateToLatest } from './migrations.js'
import type { Database } from './schema.js'

/**
 * Opens the store's database and brings its schema up to date: PostgreSQL when a `postgres://`
 * url is given (several copies share it), else an embedded SQLite file. The drivers are imported
 * only here and only the one in use, so a command that never opens the store loads neither.
 */
export type DatabaseLocation = { url: string } | { file: string }

export async function openDatabase(where: DatabaseLocation): Promise<Kysely<Database>> {
  const db = 'url' in where ? await postgres(where.url) : await sqlite(where.file)
  try {
    await migrateToLatest(db as Kysely<unknown>)
  } catch (error) {
    await db.destroy().catch(() => {})
    throw error
  }
  return db
}

async function sqlite(file: string): Promise<Kysely<Database>> {
  const { default: SQLite } = await import('better-sqlite3')
  // better-sqlite3 waits for a lock synchronously, freezing the whole bot meanwhile: wait briefly
  // and let the store's caller log the failure instead (5 s is the driver's default).
  const database = new SQLite(file, { timeout: 200 })
  // WAL: readers (explainer report) never block the bot's writes.
  database.pragma('journal_mode = WAL')
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
}

async function postgres(url: string): Promise<Kysely<Database>> {
  const { default: pg } = await import('pg')
  // int8 columns (times in ms) come back as numbers, not strings: every value is far below 2^53.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) }
  // A server that never answers must fail a connection, not queue every later query behind it.
  // synchronous_commit=off: a commit returns before its WAL record is flushed to disk, which takes
  // ~2 ms a statement here and would be paid by every answer (the rate limit and Slack's retry
  // check are awaited). A crash of the server can lose the last fraction of a second of log rows
  // and counts; it never corrupts or half-applies a statement, and atomicity is unchanged.
  const pool = new pg.Pool({
    connectionString: url,
    max: 5,
    connectionTimeoutMillis: 5_000,
    options: '-c synchronous_commit=off',
    types,
  } as ConstructorParameters<typeof pg.Pool>[0])
  // An idle connection the server drops (a restart, a failover) is reported here; without a listener
  // it would end the process. The next query fails instead, and the store's caller logs that.
  pool.on('error', () => {})
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
