// Build-time table: how common each English word is (SUBTLEX-US, 74,286 words), as bands.
// The core only ever asks "is it at least this common?", so a word's count is rounded down to a
// band. Words are grouped by their first two letters, each group one string per band: the first
// question splits the few groups it looks at instead of parsing a 2 MB JSON list (50 ms).
import { lowerCounts } from './subtlex.mjs'
import { writeTable } from './write-table.mjs'

/** Lower bounds of the bands, most common first. Keep in step with the thresholds the core uses. */
const BANDS = [10_000, 1_000, 100, 20, 1]

const counts = lowerCounts()
const groups = {}
for (const [word, count] of counts) {
  if (/\s/.test(word)) continue
  const key = word.slice(0, 2)
  groups[key] ??= BANDS.map(() => [])
  groups[key][BANDS.findIndex((floor) => count >= floor)].push(word)
}
const compact = Object.fromEntries(Object.entries(groups).map(([key, bands]) => [key, bands.map((words) => words.join(' ')).join('|')]))

writeTable(
  'english-bands',
  'SUBTLEX-US word counts (Brysbaert & New 2009), banded.',
  [
    `/** Lower bounds of the bands, in the order of each group's '|'-separated parts. */`,
    `export const ENGLISH_BAND_FLOORS: readonly number[] = ${JSON.stringify(BANDS)}`,
    `/** First two letters -> the words of each band, space-separated, bands separated by '|'. */`,
    `export const ENGLISH_GROUPS: Readonly<Record<string, string>> = ${JSON.stringify(compact)}`,
    '',
  ].join('\n'),
)
