import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type BuildProgress, buildKnowledgeBase, type KnowledgeBase } from '../core/knowledge-base.js'
import { fromSnapshot, SNAPSHOT_FORMAT, type Snapshot, toSnapshot } from '../core/snapshot.js'
import type { Article } from '../core/types.js'

export type SavedIndexOptions = {
  /** Where saved indexes live (the project's .explainer-cache/). */
  dir: string
  /** Files whose content decides how an index is built (the core's sources): any change rebuilds. */
  codeFiles: string[]
  /** Below this many articles a build takes well under a second, and nothing is saved (main.ts sets it). */
  minArticles: number
  onProgress?: BuildProgress
  /** One line about what happened (loaded, saved, or why saving failed). */
  onNote?: (line: string) => void
}

/** A name that changes whenever the articles, the aliases or the core's code change. */
function keyOf(articles: Article[], codeFiles: string[]): string {
  const hash = createHash('sha256').update(`format ${SNAPSHOT_FORMAT}\n`)
  for (const file of [...codeFiles].sort()) hash.update(file).update(readFileSync(file))
  hash.update(JSON.stringify(articles))
  return hash.digest('hex').slice(0, 24)
}

/**
 * Builds the knowledge base, or loads the one saved for exactly these articles and this code.
 * A large archive then starts in seconds instead of re-indexing; a saved index that cannot be
 * read is rebuilt, never trusted.
 */
export function loadOrBuild(articles: Article[], options: SavedIndexOptions): KnowledgeBase {
  const { dir, onNote, onProgress } = options
  if (articles.length < options.minArticles) return buildKnowledgeBase(articles, onProgress)
  const name = `index-${keyOf(articles, options.codeFiles)}.json`
  const file = join(dir, name)
  try {
    const kb = fromSnapshot(JSON.parse(readFileSync(file, 'utf8')) as Snapshot)
    onNote?.(`loaded the saved index of ${articles.length} articles from ${file}`)
    return kb
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onNote?.(`the saved index ${file} could not be read (${(error as Error).message}): rebuilding it`)
  }
  const kb = buildKnowledgeBase(articles, onProgress)
  try {
    mkdirSync(dir, { recursive: true })
    // Write then rename, so a crash mid-write never leaves a half index to load.
    writeFileSync(`${file}.tmp`, JSON.stringify(toSnapshot(kb)))
    renameSync(`${file}.tmp`, file)
    for (const old of readdirSync(dir)) if (old.startsWith('index-') && old !== name) rmSync(join(dir, old), { force: true })
    onNote?.(`saved the index for next time in ${file}`)
  } catch (error) {
    onNote?.(`could not save the index in ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): it will be rebuilt next time`)
  }
  return kb
}
