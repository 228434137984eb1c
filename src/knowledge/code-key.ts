import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { SAVED_FORMAT } from './saved-index.js'

/*
 * The key a saved index is kept under (saved-index.ts): the code that compiled it. Its own module,
 * with node:crypto, because a start from the bundle never needs it: the build worked the key out.
 */

/** A key for the code files that decide how articles are compiled, named from `root` (so a moved project keeps its key). */
export function codeKey(files: string[], root = '/'): string {
  const hash = createHash('sha256').update(`format ${SAVED_FORMAT}\n`)
  for (const file of [...files].sort()) hash.update(relative(root, file)).update(readFileSync(file))
  return hash.digest('hex').slice(0, 24)
}

/** A relative `import … from './x.js'`, `export … from '../y.js'` or `import('./z.js')` of compiled code. */
const RELATIVE_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

/**
 * The compiled files `entries` load, themselves included, following relative imports. Type-only
 * imports are gone from compiled code, so a module that only shares a type is not part of it.
 */
export function importGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const m of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) visit(resolve(dirname(file), m[1] ?? m[2]))
  }
  for (const entry of entries) visit(resolve(entry))
  return [...seen]
}

/**
 * The key of the code `entries` load: main.ts and the bundle pass the knowledge opener, whose
 * imports are all that decides what a compiled article holds (splitting, names, speakers, terms,
 * postings). Ranking, traps and answers are not in it, so tuning them keeps every saved index;
 * an archive's takes seconds to compile again. The build works the key out once for the bundle
 * (scripts/bundle.mjs), from the same files, so both runs agree on it.
 */
export function codeKeyOfImports(entries: readonly string[], root: string): string {
  return codeKey(importGraph(entries), root)
}
