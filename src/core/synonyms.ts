import { SYNONYMS } from '../generated/synonyms.js'

/**
 * Words that mean the same in their common senses ("choose" / "select"), from WordNet, read from
 * the table scripts/tables/synonyms.mjs writes at build time. Keys and values are Porter stems.
 */
let table: Map<string, string[]> | undefined

export function synonymStems(stem: string): string[] {
  if (!table) {
    table = new Map()
    for (const entry of SYNONYMS.split(';')) {
      const [key, list] = entry.split('=')
      table.set(key, list.split(','))
    }
  }
  return table.get(stem) ?? []
}
