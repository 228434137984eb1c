import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, inject } from 'vitest'
import { folder } from './folders.js'

/**
 * Real databases for one test file: a fresh SQLite file in a scratch folder, and a fresh
 * PostgreSQL database on the server tests/support/postgres.ts provides (dropped when the file
 * ends), so test files never see each other's rows.
 */

/** The PostgreSQL server's url, or undefined when there is none (the global setup said why, once). */
export function postgresServer(): string | undefined {
  const server = inject('postgres')
  return 'url' in server ? server.url : undefined
}

/** A path for a new SQLite file, in a folder removed when the test file ends. */
export function sqliteFile(name = 'explainer.db'): string {
  return `${folder({}, 'explainer-store-')}/${name}`
}

const made: { server: string; name: string }[] = []
afterAll(async () => {
  for (const { server, name } of made.splice(0)) await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
})

/** Runs one statement on the test server itself (CREATE/DROP DATABASE, pg_terminate_backend). */
export async function admin(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A url to a new, empty database on the test server; throws when there is no server (guard with postgresServer()). */
export async function postgresDatabase(): Promise<string> {
  const server = postgresServer()
  if (!server) throw new Error('no PostgreSQL server for the tests: check postgresServer() first')
  const name = `explainer_test_${randomBytes(6).toString('hex')}`
  await admin(server, `CREATE DATABASE ${name}`)
  made.push({ server, name })
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}
