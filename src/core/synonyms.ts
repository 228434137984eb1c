import { SYNONYMS } from '../generated/synonyms.js'
import { groupedTable } from './grouped-table.js'

/**
 * Words that mean the same in their common senses ("choose" / "select"), from WordNet, read from
 * the table scripts/tables/synonyms.mjs writes at build time. Keys and values are Porter stems.
 */
const table = groupedTable(SYNONYMS, ';', (entry): [string, string[]] => {
  const [key, list] = entry.split('=')
  return [key, list.split(',')]
})

export function synonymStems(stem: string): string[] {
  return table(stem) ?? []
}
