import { EXPRESSIONS } from '../generated/expressions.js'
import { groupedTable } from './grouped-table.js'
import { STOP_WORDS, stem } from './normalize.js'

/**
 * Multi-word expressions of WordNet ("take back", "carry out", "step down", "at once") found in
 * a question's words, read from the table scripts/tables/expressions.mjs writes at build time.
 * People in chat write "set up" where news prose writes "established": searched word by word,
 * "take the ferries back" finds "taking on more staff" through "take". Read as one idea,
 * the expression is met by its WordNet synonyms ("return", "repossess"), and its own words count
 * fully only where the sentence uses the expression too (see rank.ts).
 */

type Entry = { rest: string[]; movable: boolean; synonyms: string[] }

const table = groupedTable(EXPRESSIONS, ';', (entry): [string, string] => {
  const at = entry.indexOf('=')
  return [entry.slice(0, at), entry.slice(at + 1)]
})
const parsed = new Map<string, Entry[]>()

/** The stem a word's expressions are listed under: its own, or its verb's for an irregular form ("took"). */
function headOf(word: string): string {
  const s = stem(word)
  const value = table(s)
  return value?.startsWith('@') ? value.slice(1) : s
}

/** The expressions that start with a word of this stem, longest first. */
function entriesOf(s: string): Entry[] {
  let out = parsed.get(s)
  if (out) return out
  const value = table(s)
  // Only listed words are kept: a serving bot meets ever new words, the table's few stay few.
  if (!value) return []
  out = value.split('|').map((e) => {
    const [rest, synonyms] = e.split(':')
    const movable = rest.startsWith('+')
    return { rest: (movable ? rest.slice(1) : rest).split(' '), movable, synonyms: synonyms ? synonyms.split(',') : [] }
  })
  out.sort((a, b) => b.rest.length - a.rest.length)
  parsed.set(s, out)
  return out
}

/**
 * How many words may stand between a verb and its particle ("call [the whole thing] off"). Measured
 * on all the shared sets together: 1, 2 and 3 the same (1 right answer gained, none lost); 0, with
 * the particle only right after the verb, lost 1 (docs/quality-and-speed.md, "Idioms").
 */
const MAX_GAP = 3

export type Expression = {
  /** Positions of the expression's words in the question's words. */
  at: number[]
  words: string[]
  /** Porter stems of single words that mean the same (WordNet). */
  synonyms: string[]
  /** May its particle stand after an object ("take the ferries back")? */
  movable: boolean
}

/**
 * The expressions among a question's (folded) words, left to right, none overlapping. A verb's
 * particle may follow a short object: "take the ferries back".
 */
export function expressionsIn(ws: readonly string[]): Expression[] {
  const out: Expression[] = []
  const used = new Set<number>()
  const entries = ws.map((w) => entriesOf(headOf(w)))
  // Side by side first: in "make friction go up", "up" is "go up"'s before it is "make … up"'s.
  for (const apart of [false, true])
    for (let i = 0; i < ws.length; i++) {
      if (used.has(i)) continue
      for (const e of entries[i]) {
        const at = apart ? apartAt(ws, i, e, used) : togetherAt(ws, i, e, used)
        if (!at) continue
        for (const p of at) used.add(p)
        out.push({ at, words: at.map((p) => ws[p]), synonyms: e.synonyms, movable: e.movable })
        break
      }
    }
  return out.sort((a, b) => a.at[0] - b.at[0])
}

function togetherAt(ws: readonly string[], i: number, e: Entry, used: Set<number>): number[] | undefined {
  const at = [i, ...e.rest.map((_, k) => i + 1 + k)]
  return e.rest.every((w, k) => ws[i + 1 + k] === w && !used.has(i + 1 + k)) ? at : undefined
}

/** "take [the ferries] back": a movable particle after a short object, nothing else between. */
function apartAt(ws: readonly string[], i: number, e: Entry, used: Set<number>): number[] | undefined {
  if (!e.movable) return undefined
  for (let j = i + 1; j <= i + 1 + MAX_GAP && j < ws.length && !used.has(j); j++) {
    if (ws[j] === e.rest[0] && j > i + 1) return [i, j]
    if (!objectWord(ws[j])) return undefined
  }
  return undefined
}

/**
 * Words of a short object between a verb and its particle: content words, articles, possessives
 * and object pronouns ("call [it] off", "set [their own firm] up"); not "and", "or", "to", "of":
 * "go up or down" coordinates two particles, it does not put an object between them.
 */
const OBJECT_STOP_WORDS = new Set(
  'a an the his her their its my our your this that these those them him it me us you own thing things one ones all both some any other such each'.split(' '),
)
function objectWord(w: string): boolean {
  return !STOP_WORDS.has(w) || OBJECT_STOP_WORDS.has(w)
}

/**
 * Does a sentence's word list hold the expression itself (any form of its first word, then the
 * rest; a movable particle up to MAX_GAP words later)? Then its words mean what the question's do.
 * Read from the rest's first word, rarer than the first: few words are stemmed.
 */
export function holdsExpression(sentence: readonly string[], e: Pick<Expression, 'words' | 'movable'>): boolean {
  const [first, ...rest] = e.words
  const head = headOf(first)
  const gap = e.movable ? MAX_GAP : 0
  for (let j = 1; j < sentence.length; j++) {
    if (sentence[j] !== rest[0] || !rest.every((w, k) => sentence[j + k] === w)) continue
    for (let i = j - 1; i >= Math.max(0, j - 1 - gap); i--) {
      if (headOf(sentence[i]) === head) return true
      if (!objectWord(sentence[i])) break
    }
  }
  return false
}
