import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'

/**
 * Versioned migrations, run at start (Kysely's Migrator keeps which ran in its own table, and
 * locks so two copies starting together do not both run one). Never edit a migration that has
 * shipped: add the next one. Column types are ones both SQLite and PostgreSQL accept.
 */
const migrations: Record<string, Migration> = {
  '001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('questions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('asked_at', 'bigint', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('channel', 'text')
        .addColumn('member', 'text')
        .addColumn('question', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('refs', 'text', (c) => c.notNull())
        .addColumn('article', 'text')
        .addColumn('latency_ms', 'double precision', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('questions_asked_at').on('questions').column('asked_at').execute()
      await db.schema
        .createTable('votes')
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('member', 'text', (c) => c.notNull())
        .addColumn('vote', 'integer', (c) => c.notNull())
        .addColumn('voted_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('votes_pk', ['question_id', 'member'])
        .execute()
      await db.schema
        .createTable('seen_events')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('seen_events_seen_at').on('seen_events').column('seen_at').execute()
      await db.schema
        .createTable('rate_counts')
        .addColumn('member', 'text', (c) => c.notNull())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_counts_pk', ['member', 'window_start'])
        .execute()
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute()
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['meta', 'rate_counts', 'seen_events', 'votes', 'questions']) await db.schema.dropTable(table).ifExists().execute()
    },
  },
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Brings the store's schema up to date; throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    const cause = error instanceof Error ? error.message : String(error)
    throw new Error(failed ? `migration ${failed} failed: ${cause}` : `migrations failed: ${cause}`)
  }
}
