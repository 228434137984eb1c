import { KnowledgeError } from './errors.js'
import { isNameWord, NAME_RUN } from './names.js'
import { fold, words } from './normalize.js'

/** alias (folded words joined by spaces) -> what it stands for (folded phrases). */
export type AliasTable = Map<string, Set<string>>

/** Small words inside a name that its initials skip ("Office on Latin America" is OLA). */
const JOINER_WORDS = new Set('of on for the and de del la da van von al y'.split(' '))
const JOINER = new RegExp(`^(${[...JOINER_WORDS].join('|')})$`, 'i')
/** "Mr Parton" is not MP: an honorific starts no initials. */
const HONORIFIC = /^(mr|mrs|ms|dr)\.?$/i
/** "Washington on Friday", "In the January to March": a date ends a name, it is not part of one. */
const CALENDAR =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i
/** "World War II" is WWII: a Roman numeral in a name gives itself, not its first letter. */
const ROMAN = /^[IVX]+$/
/** A word written in capitals: an acronym already ("DS and Sony", "BBC GMR", "MPs", "the UK's Office"). */
const ALL_CAPS = /^\p{Lu}{2,}(?:['’]?s)?$/u
/** Acronyms as a text writes them: two to six capitals standing alone. */
const WRITTEN = /\b\p{Lu}{2,6}\b/gu

/** Is the folded word one of a name's small joining words ("of", "for", "de")? */
export function isJoiner(folded: string): boolean {
  // A set lookup, no regex: a question's runs of words are all looked at (ask() speed).
  return JOINER_WORDS.has(folded)
}

function add(table: AliasTable, alias: string, meaning: string): void {
  const key = words(alias).join(' ')
  const value = words(meaning).join(' ')
  if (!key || !value || key === value) return
  const set = table.get(key) ?? new Set<string>()
  table.set(key, set)
  set.add(value)
}

/** The acronyms a text writes in capitals ("UN", "FBI"), folded: what a name asked in full may stand for. */
export function writtenAcronyms(text: string): Set<string> {
  return new Set((text.match(WRITTEN) ?? []).map(fold))
}

/** The initials of a name's words, joiners skipped: "United Nations High Commissioner for Refugees" gives "unhcr". */
function initialsOf(parts: string[]): string {
  let out = ''
  for (const p of parts) if (!JOINER.test(p)) out += ROMAN.test(p) ? fold(p) : (fold(p)[0] ?? '')
  return out
}

/**
 * Do the name's words spell the acronym? Each word gives its first letters ("Network" gives NET of
 * CSNET), and a joiner may give its first letter or nothing ("DfES", "OECD").
 */
function spells(acronym: string, parts: string[], i = 0, j = 0): boolean {
  if (j === acronym.length) return i === parts.length
  if (i === parts.length) return false
  const word = fold(parts[i])
  if (JOINER.test(word) && i > 0 && spells(acronym, parts, i + 1, j)) return true
  for (let k = 1; k <= word.length && word[k - 1] === acronym[j + k - 1]; k++) if (spells(acronym, parts, i + 1, j + k)) return true
  return false
}

/** The longest tail of the words that spells the acronym, if any: "the Office of Fair Trading (OFT)" gives "Office of Fair Trading". */
function spelledBy(acronym: string, parts: string[]): string | undefined {
  for (let start = 0; start < parts.length; start++) {
    // Two words at least: one word that starts with the letters ("Ukraine (UK)") is not spelt by them.
    if (JOINER.test(parts[start]) || start > parts.length - 2) continue
    if (spells(acronym, parts.slice(start))) return parts.slice(start).join(' ')
  }
  return undefined
}

/** The parts of a name run that can have initials: cut at dates, titles of address and sentence openers. */
function segmentsOf(run: string): string[][] {
  const out: string[][] = [[]]
  for (const p of run.split(/\s+/)) {
    // "November's New York City Marathon": the possessive does not hide the date.
    if (CALENDAR.test(p.replace(/['’]s$/, ''))) out.push([])
    else out[out.length - 1].push(p)
  }
  return out.map((parts) => {
    // A joiner left at the end once a date is cut off ("Mexico on") is not part of the name.
    while (parts.length && JOINER.test(parts[parts.length - 1])) parts.pop()
    return parts
  })
}

/** How many words before "(ACR)" may spell it. */
const STATED_WORDS = 10

/**
 * Acronyms the text itself defines or implies: "Migration Policy Institute" gives MPI,
 * "Washington Office on Latin America" gives WOLA, "Andrés Manuel López Obrador" gives AMLO, and
 * "Institute (MPI)" or "MPI (Migration Policy Institute)" states one outright when its letters fit
 * the words ("Doris Lessing (UK)" is a nationality, not an acronym). Every tail of a name run
 * counts, so a title in front of a name ("President Andrés Manuel López Obrador") does not hide the
 * person's initials. The cuts below (dates, honorifics, sentence openers, words in capitals, two
 * names joined by "and", letters that do not fit) were measured on 30 mappings sampled from the
 * BBC archive: 18 of 30 bounded a real name before, 28 of 30 after (docs/quality-and-speed.md).
 */
export function deriveAliases(text: string, table: AliasTable = new Map()): AliasTable {
  const written = writtenAcronyms(text)
  for (const m of text.matchAll(/\((\p{Lu}{2,8})\)/gu)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 200), m.index).match(/[\p{L}'’-]+/gu) ?? []
    const name = spelledBy(fold(m[1]), before.slice(-STATED_WORDS))
    if (name) add(table, m[1], name)
  }
  for (const m of text.matchAll(/\b(\p{Lu}{2,8})\s*\(([\p{L}'’ -]+)\)/gu)) {
    if (spells(fold(m[1]), m[2].trim().split(/\s+/))) add(table, m[1], m[2])
  }
  for (const m of text.matchAll(NAME_RUN)) {
    for (const parts of segmentsOf(m[0])) {
      // Initials start after the last word in capitals: "US Secretary of State Antony Blinken" gives SSAB, never "USSAB".
      let first = 0
      parts.forEach((p, i) => {
        if (ALL_CAPS.test(p) && !ROMAN.test(p)) first = i + 1
      })
      for (let start = first; start < parts.length - 1; start++) {
        const p = parts[start]
        // "But Northern Ireland", "Mr Parton": a sentence's opener or an honorific is not part of the name.
        if (JOINER.test(p) || HONORIFIC.test(p) || !isNameWord(p)) continue
        const tail = parts.slice(start)
        const initials = initialsOf(tail)
        if (initials.length < 2 || initials.length > 8) continue
        // "Mexico and Guatemala", "Rosneft and Gazprom" are two names; "Securities and Exchange
        // Commission" is one, and the text then writes its acronym (SEC).
        if (tail.some((x) => x.toLowerCase() === 'and') && !written.has(initials)) continue
        add(table, initials, tail.join(' '))
      }
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
