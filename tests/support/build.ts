import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Vitest's global setup: builds as `npm run build` does (the generated tables, tsc into dist/,
 * then the bundle and its code cache) once before the tests, so the CLI tests run the program as
 * `npx explainer` runs it, never a stale build. The programs the tests start save their indexes in
 * a scratch folder (EXPLAINER_CACHE_DIR), and log questions in a scratch store (EXPLAINER_DB),
 * removed after: `npm test` in a deployed checkout must not push the archive's saved index out of
 * .explainer-cache/, nor write into the bot's .explainer/explainer.db.
 */
export default function setup(): () => void {
  const root = join(import.meta.dirname, '..', '..')
  execFileSync(process.execPath, [join(root, 'scripts/build-tables.mjs')], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' })
  const cache = mkdtempSync(join(tmpdir(), 'explainer-test-cache-'))
  process.env.EXPLAINER_CACHE_DIR = cache
  process.env.EXPLAINER_DB = join(cache, 'explainer.db')
  return () => rmSync(cache, { recursive: true, force: true })
}
