import { ANTONYM_LEMMAS, ANTONYMS } from '../generated/antonyms.js'
import { groupedTable } from './grouped-table.js'

/**
 * Opposites from WordNet ("lowest" / "highest", "increase" / "decrease"), read from the table
 * scripts/tables/antonyms.mjs writes at build time. Words are matched through their lemma, so
 * any listed form of a word meets any form of its opposite.
 */
const pair = (entry: string): [string, string] => {
  const [from, to] = entry.split('=')
  return [from, to]
}
const lemmaOf = groupedTable(ANTONYM_LEMMAS, ';', pair)
const opposites = groupedTable(ANTONYMS, ';', (entry): [string, string[]] => {
  const [lemma, list] = pair(entry)
  return [lemma, list.split(',')]
})

/** The lemma of a word that has opposites, or undefined. */
export function lemmaWithOpposites(word: string): string | undefined {
  return lemmaOf(word)
}

/** The lemmas opposite to a word's lemma (empty when WordNet lists none). */
export function oppositesOf(word: string): string[] {
  const lemma = lemmaOf(word)
  return lemma ? (opposites(lemma) ?? []) : []
}
