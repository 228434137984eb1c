import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { type CompiledArticle, compileArticle } from '../core/compile-article.js'
import type { BuildProgress, Merged } from '../core/knowledge-base.js'
import type { Postings } from '../core/search-index.js'
import { type ArticleSource, readArticle } from './load-knowledge.js'

/**
 * The saved index: every article compiled (sentences, terms, profiles), with the size and time of
 * the files it was compiled from. A start stats the files and reuses each article whose files have
 * not changed, so it reads no article and re-parses nothing; only changed or new articles are
 * compiled. The knowledge base is then assembled from the compiled articles (knowledge-base.ts),
 * which reads no text. One file per knowledge folder, named by its path; the code's key is inside.
 */
export const SAVED_FORMAT = 4

export type Entry = { stamp: string; unit: CompiledArticle }
type SavedFile = { format: number; code: string; entries: Record<string, Entry>; merged?: Merged }

/** Size and modification time of an article's files: what says it has not changed. */
export function stampOf(source: ArticleSource): string {
  const parts = [source.file, source.aliasFile].map((file) => {
    if (!file) return '-'
    const s = statSync(file)
    return `${s.size}:${s.mtimeMs}:${s.ino}`
  })
  return `${source.slug}|${parts.join('|')}`
}

/** The saved index of a knowledge folder: one file per folder, named by its path. */
export function savedIndexFile(dir: string, knowledge: string): string {
  return join(dir, `index-${nameHash(resolve(knowledge))}.json`)
}

/**
 * 64-bit FNV-1a of the text's UTF-8 bytes, as 16 hex digits. It only tells folders' files apart,
 * so it need not be a cryptographic hash, and loading node:crypto would add ~3 ms to every start.
 */
function nameHash(text: string): string {
  let hash = 0xcbf29ce484222325n
  for (const byte of Buffer.from(text, 'utf8')) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn
  return hash.toString(16).padStart(16, '0')
}

/** The entries saved for this code, by article file; none when the file is missing, unreadable or from other code. */
export function readSavedIndex(file: string, code: string, onNote?: (line: string) => void): Saved {
  let saved: SavedFile
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedFile
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onNote?.(`the saved index ${file} could not be read (${(error as Error).message}): rebuilding it`)
    return { entries: new Map() }
  }
  if (saved?.format !== SAVED_FORMAT || saved.code !== code || typeof saved.entries !== 'object' || !saved.entries) return { entries: new Map() }
  let merged: Merged | undefined
  try {
    if (saved.merged) merged = unpackMerged(saved.merged as unknown as PackedMerged)
  } catch {
    // Unreadable merged data costs a merge, nothing more: the articles themselves are still good.
  }
  return { entries: new Map(Object.entries(saved.entries)), ...(merged ? { merged } : {}) }
}

/** A saved index: the compiled articles by file and, for when none changed, what they give together. */
export type Saved = { entries: Map<string, Entry>; merged?: Merged }

export function saveIndex(file: string, code: string, entries: Map<string, Entry>, merged: Merged | undefined, onNote?: (line: string) => void): void {
  const dir = dirname(file)
  // A name of its own: two processes saving the same folder's index must not write one file.
  const tmp = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(dir, { recursive: true })
    // Written an article at a time: one JSON string of a large archive would double the memory.
    const fd = openSync(tmp, 'w')
    try {
      writeSync(fd, `{"format":${SAVED_FORMAT},"code":${JSON.stringify(code)},"entries":{`)
      let first = true
      for (const [key, entry] of entries) {
        // The article's share of the vocabulary goes in as a string (see CompiledArticle.together).
        const together = typeof entry.unit.together === 'string' ? entry.unit.together : JSON.stringify(entry.unit.together)
        writeSync(fd, `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify({ ...entry, unit: { ...entry.unit, together } })}`)
        first = false
      }
      writeSync(fd, `}${merged ? `,"merged":${JSON.stringify(packMerged(merged))}` : ''}}`)
    } finally {
      closeSync(fd)
    }
    // Written then renamed, so a crash mid-write never leaves a half index to load.
    renameSync(tmp, file)
    prune(dir)
    onNote?.(`saved the index for next time in ${file}`)
  } catch (error) {
    rmSync(tmp, { force: true })
    onNote?.(`could not save the index in ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): it will be rebuilt next time`)
  }
}

/** What compiling a knowledge folder gave: the articles in order, by file, and what it took. */
export type Compiled = {
  units: CompiledArticle[]
  entries: Map<string, Entry>
  reused: number
  compiled: number
  compiledFacts: number
  broken: ArticleSource[]
}

export type CompileOptions = {
  /** What is already compiled, by article file (a saved index, or a serving bot's current articles). */
  known?: Map<string, Entry>
  onProgress?: BuildProgress
  /**
   * Told about an article that cannot be read (bad UTF-8, no title), which is then left out. Without
   * it the error is thrown: a command run once stops on a broken folder, a serving bot keeps going.
   */
  onBroken?: (source: ArticleSource, error: Error) => void
}

/**
 * Compiles the listed articles, reusing each known one whose files have not changed since (known
 * by size and time: nothing is read). Progress counts only the articles compiled.
 */
export function compileKnowledge(sources: ArticleSource[], options: CompileOptions = {}): Compiled {
  return drive(compileSteps(sources, options))
}

/** Runs a generator of steps to its end at once. */
export function drive<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Articles compiled between two turns of the event loop, when compiling takes turns. */
const COMPILES_PER_STEP = 25

/** compileKnowledge as steps: it yields every few articles compiled (see openKnowledgeInTurns). */
export function* compileSteps(sources: ArticleSource[], options: CompileOptions = {}): Generator<void, Compiled> {
  const known = options.known ?? new Map<string, Entry>()
  const broken: ArticleSource[] = []
  const fail = (source: ArticleSource, error: unknown) => {
    // Also a file gone between listing and reading (being replaced): read again on the next change.
    if (!options.onBroken) throw error
    options.onBroken(source, error as Error)
    broken.push(source)
  }
  const stamped: { source: ArticleSource; stamp: string; entry?: Entry }[] = []
  for (const source of sources) {
    try {
      const stamp = stampOf(source)
      const had = known.get(source.file)
      stamped.push(had && had.stamp === stamp ? { source, stamp, entry: had } : { source, stamp })
    } catch (error) {
      fail(source, error)
    }
  }
  const toCompile = stamped.filter((s) => !s.entry).length
  const entries = new Map<string, Entry>()
  const units: CompiledArticle[] = []
  let tried = 0
  let compiled = 0
  let compiledFacts = 0
  for (const { source, stamp, entry } of stamped) {
    let use = entry
    if (!use) {
      try {
        use = { stamp, unit: compileArticle(readArticle(source)) }
      } catch (error) {
        fail(source, error)
        continue
      } finally {
        options.onProgress?.(++tried, toCompile)
      }
      compiled++
      compiledFacts += use.unit.facts.length
      if (compiled % COMPILES_PER_STEP === 0) yield
    }
    entries.set(source.file, use)
    units.push(use.unit)
  }
  return { units, entries, reused: units.length - compiled, compiled, compiledFacts, broken }
}

/** Saved indexes kept: one per knowledge folder, the least recently saved dropped first. */
const KEEP = 20

/** Drops the oldest saved indexes beyond KEEP (folders tried once, tests' temporary folders). */
function prune(dir: string): void {
  const saved = readdirSync(dir)
    .filter((name) => /^index-.*\.json$/.test(name))
    .map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)
  for (const { name } of saved.slice(KEEP)) rmSync(join(dir, name), { force: true })
}

/** A postings map as saved: its stems joined by spaces, each list's length, and every list end to end in base64. */
type PackedPostings = { stems: string; sizes: number[]; data: string }
type PackedMerged = Omit<Merged, 'postings'> & { postings?: Record<keyof Postings, PackedPostings> }

const POSTINGS_MAPS = ['text', 'repeated', 'speaker', 'section'] as const

function pack(map: Map<string, Uint32Array>): PackedPostings {
  const sizes = [...map.values()].map((list) => list.length)
  const all = new Uint32Array(sizes.reduce((a, b) => a + b, 0))
  let at = 0
  for (const list of map.values()) {
    all.set(list, at)
    at += list.length
  }
  return { stems: [...map.keys()].join(' '), sizes, data: Buffer.from(all.buffer, all.byteOffset, all.byteLength).toString('base64') }
}

function unpack(packed: PackedPostings): Map<string, Uint32Array> {
  const bytes = Buffer.from(packed.data, 'base64')
  // A fresh, aligned copy: Buffer may hand out a slice of its pool at any byte offset.
  const all = new Uint32Array(bytes.length / 4)
  new Uint8Array(all.buffer).set(bytes)
  const map = new Map<string, Uint32Array>()
  const stems = packed.stems ? packed.stems.split(' ') : []
  let at = 0
  stems.forEach((stem, i) => {
    map.set(stem, all.subarray(at, at + packed.sizes[i]))
    at += packed.sizes[i]
  })
  if (at !== all.length || stems.length !== packed.sizes.length) throw new Error('saved postings do not add up')
  return map
}

function packMerged(merged: Merged): PackedMerged {
  const { postings, ...rest } = merged
  if (!postings) return rest
  return { ...rest, postings: Object.fromEntries(POSTINGS_MAPS.map((name) => [name, pack(postings[name])])) as Record<keyof Postings, PackedPostings> }
}

function unpackMerged(packed: PackedMerged): Merged {
  const { postings, ...rest } = packed
  if (!postings) return rest
  return { ...rest, postings: Object.fromEntries(POSTINGS_MAPS.map((name) => [name, unpack(postings[name])])) as unknown as Postings }
}
