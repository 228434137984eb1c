import type { TestProject } from 'vitest/node'
import { startCluster, whyNoCluster } from './postgres-cluster.js'

/**
 * Vitest's global setup for the tests that need a real PostgreSQL: EXPLAINER_TEST_DATABASE_URL
 * when set (a server whose user may CREATE DATABASE), else a scratch cluster started here and
 * stopped after the run. With neither, those tests skip with one line, except under CI=1, where
 * a missing PostgreSQL fails the run: CI must test what ships. Each test file makes its own
 * database from this server (tests/support/databases.ts), so files run in parallel.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's url (any database on it), or why there is none. */
    postgres: { url: string } | { missing: string }
  }
}

const isCi = () => !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase())

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.EXPLAINER_TEST_DATABASE_URL?.trim()
  if (given) {
    project.provide('postgres', { url: given })
    return undefined
  }
  const why = whyNoCluster()
  if (why) {
    const line = `PostgreSQL tests: ${why}, and EXPLAINER_TEST_DATABASE_URL is unset`
    if (isCi()) throw new Error(`${line}: CI needs PostgreSQL (.ci/run installs it)`)
    process.stderr.write(`${line}: skipping them\n`)
    project.provide('postgres', { missing: why })
    return undefined
  }
  const cluster = await startCluster()
  project.provide('postgres', { url: cluster.url })
  return () => cluster.stop()
}
