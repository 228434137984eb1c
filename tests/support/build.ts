import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/**
 * Vitest's global setup: compiles src/ into dist/ (and the generated tables) once before the
 * tests, so the CLI tests run the program as `npx explainer` runs it, never a stale build.
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..')
  execFileSync(process.execPath, [join(root, 'scripts/build-tables.mjs')], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' })
}
