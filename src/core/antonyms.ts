import { ANTONYMS } from '../generated/antonyms.js'

/**
 * Opposites from WordNet ("lowest" / "highest", "increase" / "decrease"), read from the table
 * scripts/tables/antonyms.mjs writes at build time. Words are matched through their lemma, so
 * any listed form of a word meets any form of its opposite.
 */
type Table = { lemmaOf: Map<string, string>; opposites: Map<string, string[]> }
let table: Table | undefined

function load(): Table {
  if (table) return table
  const lemmaOf = new Map<string, string>()
  const opposites = new Map<string, string[]>()
  for (const entry of ANTONYMS.split(';')) {
    const [head, forms] = entry.split(':')
    const [lemma, opp] = head.split('=')
    opposites.set(lemma, opp.split(','))
    lemmaOf.set(lemma, lemma)
    // A form shared by two lemmas ("lower": "low" and "lower") keeps the first; both are opposites
    // of the same things often enough that the choice rarely matters.
    if (forms) for (const f of forms.split(',')) if (!lemmaOf.has(f)) lemmaOf.set(f, lemma)
  }
  table = { lemmaOf, opposites }
  return table
}

/** The lemma of a word that has opposites, or undefined. */
export function lemmaWithOpposites(word: string): string | undefined {
  return load().lemmaOf.get(word)
}

/** The lemmas opposite to a word's lemma (empty when WordNet lists none). */
export function oppositesOf(word: string): string[] {
  const t = load()
  const lemma = t.lemmaOf.get(word)
  return lemma ? (t.opposites.get(lemma) ?? []) : []
}
