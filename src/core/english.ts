import { ENGLISH_BAND_FLOORS, ENGLISH_GROUPS } from '../generated/english-bands.js'
import { ENGLISH_NAMES } from '../generated/english-names.js'
import { groupedTable } from './grouped-table.js'

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

/** Seen often enough in SUBTLEX to be a word of English rather than a typo. */
const EVERYDAY = 20
const PREFIXES = ['un', 're', 'de', 'dis', 'mis', 'non', 'pre', 'over', 'under', 'out', 'anti', 'counter', 'co', 'sub', 'inter', 'semi', 'multi', 'post']
const SUFFIXES: [string, string][] = [
  ['ied', 'y'],
  ['ies', 'y'],
  ['ing', ''],
  ['ing', 'e'],
  ['ed', ''],
  ['ed', 'e'],
  ['d', ''],
  ['es', ''],
  ['s', ''],
  ['ly', ''],
  ['er', ''],
  ['est', ''],
  ['ness', ''],
  ['ment', ''],
]

function everyday(w: string): boolean {
  if (englishCount(w) >= EVERYDAY) return true
  for (const [end, put] of SUFFIXES) {
    if (w.length - end.length >= 3 && w.endsWith(end) && englishCount(w.slice(0, -end.length) + put) >= EVERYDAY) return true
  }
  return false
}

/**
 * Is this a real English word, even one too rare to be listed ("defunded" is "de" + "funded")?
 * A real word must not be "corrected" into an article's word ("defunded" is not "defined").
 */
export function looksEnglish(w: string): boolean {
  if (everyday(w)) return true
  for (const p of PREFIXES) if (w.length - p.length >= 4 && w.startsWith(p) && everyday(w.slice(p.length))) return true
  return false
}

const capitalised = groupedTable(ENGLISH_NAMES, ' ', (w) => [w, true])

/**
 * Is the word an everyday lower-case word of English, so that a capital in a question does not
 * make it a name ("Great", "War", "Members")? SUBTLEX writes names capitalised ("Colombia"); the
 * build lists those (scripts/tables/english-names.mjs).
 */
export function isCommonWord(word: string): boolean {
  return englishCount(word) > 0 && !capitalised(word)
}
