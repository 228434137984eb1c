import { KnowledgeError } from '../core/errors.js'
import { assembleSteps, type BuildProgress, type KnowledgeBase, mergedOf } from '../core/knowledge-base.js'
import { type ArticleSource, type Listing, listKnowledge } from './load-knowledge.js'
import { compileSteps, drive, type Entry, readSavedIndex, type Saved, savedIndexFile, saveIndex } from './saved-index.js'

export type OpenOptions = {
  /** Where the saved index lives; without it every article is compiled and nothing is saved. */
  cacheDir?: string
  /** The key of the code that compiles articles (saved-index.ts codeKey): an index saved by other code is not used. */
  code?: string
  onProgress?: BuildProgress
  onNote?: (line: string) => void
  /** Below this many articles, onNote is not told about the saved index (loaded, saved, unreadable). */
  quietBelow?: number
  onSkip?: (line: string) => void
  /** A broken article is reported here and left out; without it, it stops the load (see compileKnowledge). */
  onBroken?: (source: ArticleSource, error: Error) => void
}

export type Opened = {
  kb: KnowledgeBase
  listing: Listing
  /** The compiled articles by file, for a reload to reuse. */
  entries: Map<string, Entry>
  reused: number
  compiled: number
  /** Sentences of the articles compiled (not reused). */
  compiledFacts: number
  broken: ArticleSource[]
}

/**
 * Lists a knowledge folder, compiles what the saved index does not already hold (unchanged files
 * are known by size and time, not read), saves the index again if anything changed, and assembles
 * the knowledge base. `known` (a serving bot's current articles) takes the place of the saved file.
 */
export function openKnowledge(path: string, options: OpenOptions = {}, known?: Map<string, Entry>): Opened {
  return drive(openSteps(path, options, known))
}

/**
 * The same, giving the event loop a turn every few articles compiled and between the steps of the
 * assembly: a serving bot answers /healthz (and, on a reload, questions) meanwhile.
 */
export async function openKnowledgeInTurns(path: string, options: OpenOptions = {}, known?: Map<string, Entry>): Promise<Opened> {
  const steps = openSteps(path, options, known)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await new Promise((resolve) => setImmediate(resolve))
  }
}

function* openSteps(path: string, options: OpenOptions, known?: Map<string, Entry>): Generator<void, Opened> {
  const listing = listKnowledge(path)
  for (const line of listing.skipped) options.onSkip?.(line)
  const quiet = listing.sources.length < (options.quietBelow ?? 0)
  const onNote = quiet ? undefined : options.onNote
  const file = options.cacheDir && options.code ? savedIndexFile(options.cacheDir, path) : undefined
  const saved: Saved = known ? { entries: known } : file && options.code ? readSavedIndex(file, options.code, onNote) : { entries: new Map() }
  yield
  const result = yield* compileSteps(listing.sources, {
    known: saved.entries,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onBroken ? { onBroken: options.onBroken } : {}),
  })
  if (!result.units.length) throw new KnowledgeError(`${path}: no article in it can be read: fix the files named above`)
  // Nothing changed, nothing added or left: what the articles give together was saved too.
  const same = result.compiled === 0 && sameKeys(result.entries, saved.entries)
  const kb = yield* assembleSteps(result.units, same ? saved.merged : undefined)
  if (file && options.code && !same) saveIndex(file, options.code, result.entries, mergedOf(kb), onNote)
  else if (file && !known && result.reused) onNote?.(`loaded the saved index of ${result.reused} articles from ${file}`)
  return { kb, listing, entries: result.entries, reused: result.reused, compiled: result.compiled, compiledFacts: result.compiledFacts, broken: result.broken }
}

function sameKeys(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  if (a.size !== b.size) return false
  const other = b.keys()
  for (const key of a.keys()) if (other.next().value !== key) return false
  return true
}
