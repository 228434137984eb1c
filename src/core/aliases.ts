import { KnowledgeError } from './errors.js'
import { NAME_RUN } from './names.js'
import { fold, words } from './normalize.js'

/** alias (folded words joined by spaces) -> what it stands for (folded phrases). */
export type AliasTable = Map<string, Set<string>>

const JOINER = /^(of|on|for|the|and|de|del|la|da|van|von|al|y)$/i

function add(table: AliasTable, alias: string, meaning: string): void {
  const key = words(alias).join(' ')
  const value = words(meaning).join(' ')
  if (!key || !value || key === value) return
  const set = table.get(key) ?? new Set<string>()
  table.set(key, set)
  set.add(value)
}

/**
 * Acronyms the text itself defines or implies: "Migration Policy Institute" gives MPI,
 * "Washington Office on Latin America" gives WOLA, "Andrés Manuel López Obrador" gives AMLO, and
 * "Institute (MPI)" states one outright. Every tail of a name run counts, so a title in front of
 * a name ("President Andrés Manuel López Obrador") does not hide the person's initials.
 */
export function deriveAliases(text: string, table: AliasTable = new Map()): AliasTable {
  for (const m of text.matchAll(/((?:\p{Lu}[\p{L}'’-]+\s+){1,7}\p{Lu}[\p{L}'’-]+)\s*\((\p{Lu}{2,8})\)/gu)) {
    add(table, m[2], m[1])
  }
  for (const m of text.matchAll(NAME_RUN)) {
    const parts = m[0].split(/\s+/)
    for (let start = 0; start < parts.length - 1; start++) {
      if (JOINER.test(parts[start])) continue
      const tail = parts.slice(start)
      const initials = tail.filter((p) => !JOINER.test(p)).map((p) => fold(p)[0])
      if (initials.length < 2 || initials.length > 8) continue
      add(table, initials.join(''), tail.join(' '))
    }
  }
  return table
}

/**
 * Reads an operator's alias file: one `ALIAS = MEANING[, MEANING]` a line, `#` for comments.
 * The file is for what cannot be derived ("foreign minister" = "Foreign Secretary").
 */
export function parseAliasFile(source: string, file: string, table: AliasTable = new Map()): AliasTable {
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) return
    const m = line.match(/^([^=]+)=(.+)$/)
    if (!m) throw new KnowledgeError(`${file}:${i + 1}: "${line}" is not "ALIAS = MEANING": write one alias a line, like AMLO = Andrés Manuel López Obrador`)
    for (const meaning of m[2].split(',')) {
      add(table, m[1], meaning)
      // An alias works both ways: a reader may use either name.
      add(table, meaning, m[1])
    }
  })
  return table
}
