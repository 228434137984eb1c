import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SAVED_FORMAT } from './saved-index.js'

/*
 * The key a saved index is kept under (saved-index.ts): the code that compiled it. Its own module,
 * with node:crypto, because a start from the bundle never needs it: the build worked the key out.
 */

/** A key for the code files that decide how articles are compiled (the core's sources). */
export function codeKey(files: string[]): string {
  const hash = createHash('sha256').update(`format ${SAVED_FORMAT}\n`)
  for (const file of [...files].sort()) hash.update(file).update(readFileSync(file))
  return hash.digest('hex').slice(0, 24)
}

/**
 * The key of every compiled file under `dirs` (main.ts passes dist/core and dist/knowledge: the
 * core and the knowledge reader both decide what a compiled article holds). The build works it out
 * once for the bundle (scripts/bundle.mjs), from the same files, so both runs agree on the key.
 */
export function codeKeyOfFolders(dirs: readonly string[]): string {
  return codeKey(
    dirs.flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(dir, name)),
    ),
  )
}
