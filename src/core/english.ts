import { ENGLISH_BAND_FLOORS, ENGLISH_GROUPS } from '../generated/english-bands.js'

/**
 * How common a word is in everyday English (SUBTLEX-US counts from film subtitles, 74,286 words).
 * Two uses: a common English word is never "corrected" into an article's word ("expert" is not a
 * typo of "exert"), and a question word the article never uses counts for less when it is
 * everyday English ("stop", "give") than when it is specific ("backlog", "GDP", "Germany"):
 * paraphrases swap everyday words, while a specific word the article lacks means it is not there.
 *
 * The list is banded and grouped by first letters at build time (scripts/tables/english.mjs), and
 * a group is split only when a word of it is first looked up: a one-question command pays for a
 * few groups, not for parsing the whole list.
 */
const groups = new Map<string, Map<string, number>>()

function groupOf(key: string): Map<string, number> {
  let group = groups.get(key)
  if (!group) {
    group = new Map()
    const bands = ENGLISH_GROUPS[key]?.split('|') ?? []
    bands.forEach((words, i) => {
      if (words) for (const w of words.split(' ')) group?.set(w, ENGLISH_BAND_FLOORS[i])
    })
    groups.set(key, group)
  }
  return group
}

/**
 * Occurrences in the SUBTLEX-US corpus (about 51 million words), rounded down to its band
 * (1, 20, 100, 1,000 or 10,000); 0 when unlisted.
 */
export function englishCount(word: string): number {
  return groupOf(word.slice(0, 2)).get(word) ?? 0
}
