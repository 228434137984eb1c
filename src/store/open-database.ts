import { CompiledQuery, type DialectAdapter, type Driver, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from 'kysely'
import { migrateToLatest } from './migrations.js'
import type { Database } from './schema.js'

/**
 * Opens the store's database and brings its schema up to date: PostgreSQL when a `postgres://`
 * url is given (several copies share it), else an embedded SQLite file. The drivers are imported
 * only here and only the one in use, so a command that never opens the store loads neither.
 */
export type DatabaseLocation = { url: string } | { file: string }

/** A database just opened, and what to do once its migrations have run. */
type Opened = { db: Kysely<Database>; migrated?: () => Promise<void> }

export async function openDatabase(where: DatabaseLocation): Promise<Kysely<Database>> {
  const { db, migrated } = 'url' in where ? { db: await postgres(where.url) } : await sqlite(where.file)
  try {
    await migrateToLatest(db as Kysely<unknown>)
    await migrated?.()
  } catch (error) {
    await db.destroy().catch(() => {})
    throw error
  }
  return db
}

/**
 * Opens the database to read it only (`explainer report`): no migration, so no write lock is
 * taken and nothing is created, and SQLite's file is opened read-only and must exist. WAL lets
 * it read while the bot holds a write transaction. Whether the bot has made its tables yet is
 * the caller's to ask (report-queries.ts).
 */
export async function openForReading(where: DatabaseLocation): Promise<Kysely<Database>> {
  if ('url' in where) return postgres(where.url)
  const { default: SQLite } = await import('better-sqlite3')
  const database = new SQLite(where.file, { readonly: true, fileMustExist: true, timeout: SQLITE_READ_BUSY_MS })
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
}

/**
 * better-sqlite3 waits for a lock synchronously, freezing the whole bot meanwhile: once open, wait
 * briefly and let the store's caller log the failure instead. While migrating (at start, before
 * serving), wait as long as another process's migrations may take.
 */
const SQLITE_BUSY_MS = 200
const SQLITE_MIGRATION_BUSY_MS = 10_000
/** A reader waits only in SQLite's rare WAL recovery; a report is an operator's command and may wait a little. */
const SQLITE_READ_BUSY_MS = 2_000

/**
 * Kysely runs SQLite's migrations outside any transaction and takes no lock (one connection is
 * all it expects). Two processes opening a new file together (shards starting at once) would
 * both find no migration run, and the second would fail on a table the first made. Here they run
 * in one transaction that begins IMMEDIATE, taking SQLite's write lock before reading which
 * migrations ran: the second process waits, then finds them done. Only while migrating: the bot's
 * later transactions begin as usual.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class MigratingSqliteDialect extends SqliteDialect {
  migrating = true

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter()
  }

  override createDriver(): Driver {
    const driver = super.createDriver()
    const begin = driver.beginTransaction.bind(driver)
    driver.beginTransaction = async (connection, settings) => {
      if (this.migrating) await connection.executeQuery(CompiledQuery.raw('begin immediate'))
      else await begin(connection, settings)
    }
    return driver
  }
}

async function sqlite(file: string): Promise<Opened> {
  const { default: SQLite } = await import('better-sqlite3')
  const database = new SQLite(file, { timeout: SQLITE_MIGRATION_BUSY_MS })
  // WAL: readers (explainer report) never block the bot's writes.
  database.pragma('journal_mode = WAL')
  const dialect = new MigratingSqliteDialect({ database })
  const db = new Kysely<Database>({ dialect })
  return {
    db,
    migrated: async () => {
      dialect.migrating = false
      await sql`pragma busy_timeout = ${sql.lit(SQLITE_BUSY_MS)}`.execute(db)
    },
  }
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
