import { DEMONYMS } from '../generated/demonyms.js'
import { groupedTable } from './grouped-table.js'

/**
 * A people's or language's adjective and its place, both ways ("swiss" / "switzerland", "dutch" /
 * "netherland", "holland"), from WordNet's pertainyms, read from the table
 * scripts/tables/demonyms.mjs writes at build time. Keys and values are Porter stems.
 */
const table = groupedTable(DEMONYMS, ';', (entry): [string, string[]] => {
  const [key, list] = entry.split('=')
  return [key, list.split(',')]
})

export function demonymStems(stem: string): readonly string[] {
  return table(stem) ?? []
}
