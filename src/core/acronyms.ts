import { isJoiner } from './aliases.js'
import { isCommonWord } from './english.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { STOP_WORDS, stem } from './normalize.js'

/**
 * Acronyms and names as a chat types them. An article may spell a body out ("the United Nations")
 * while the asker types "the un", or write only "UN" while the asker types the name in full. The
 * knowledge's derived acronyms (aliases.ts) give the first direction; the acronyms it writes in
 * capitals (KnowledgeBase.acronyms) give the second. Nothing here knows any article's words.
 */

/**
 * May a question word that is a known acronym ("un", "fbi", "us") be read as the acronym?
 *
 * Written in capitals ("UN") it always may. An everyday word of English ("us", "it", "am", "who",
 * "as"; SUBTLEX lists it lower-case) or any two letters may only after "the": "the us", "the un",
 * "the who" name a body, while a pronoun, verb or name particle never follows "the" ("tell us",
 * "who is", "Charles de Gaulle", "Reguier de la Plancha", "Jr and Sr": all read as acronyms on the
 * SQuAD sets without this rule). A longer word that is no English of its own ("fbi", "unhcr",
 * "nato") is the acronym in any case, as before.
 */
export function readsAsAcronym(word: string, before: string | undefined, capitals: Set<string>): boolean {
  if (capitals.has(word)) return true
  // "the de facto": a name's particle is not an acronym typed lower-case.
  if (isJoiner(word)) return false
  if (word.length <= 2 || STOP_WORDS.has(word) || isCommonWord(word)) return before === 'the'
  return true
}

/** The longest name asked in full whose acronym the knowledge writes ("federal bureau of investigation" -> "fbi"). */
export const LONGEST_NAME = 6

/**
 * The acronym the knowledge writes for a name the question spells out at ws[i, i + n), if any:
 * "the International Monetary Fund" asked, only "IMF" written. Only for a name the knowledge
 * cannot find as words (one of them it never uses): a name it has in full needs no acronym, and
 * reading one anyway made one idea of two names and met chance acronyms. Measured on every
 * question of the shared sets and on the SQuAD questions asked of the 2,102-article archive
 * (BBC + SQuAD), where the archive writes hundreds of two-letter acronyms: "Kublai Khan" read as
 * "KK", "Siege of Antioch" as "SA", "United Kingdom" as the UK of an article that also writes
 * "United Kingdom" (-7 right answers on the archive before this rule). Three letters at least:
 * an archive writes so many two-letter acronyms that a name it never mentions ("Kamala Harris")
 * would meet one ("KH") and no longer be declined as unknown. A lower-case name ("the federal
 * bureau of investigation") also needs "the" before it: lower-case phrases otherwise matched by
 * chance ("the announcement made" as AM, "main attribute" as MA).
 */
export function writtenAcronymOf(kb: KnowledgeBase, ws: string[], i: number, n: number, named: Set<string>): { acronym: string; asName: boolean } | undefined {
  // Each word gives one letter, and an acronym needs three (see above).
  if (n < 3 || n > LONGEST_NAME || !kb.acronyms.size) return undefined
  // The initials first: they rule out nearly every phrase, with no array or regex built (ask() speed).
  let acronym = ''
  for (let k = i; k < i + n; k++) if (!isJoiner(ws[k])) acronym += ws[k][0]
  if (acronym.length < 3 || !kb.acronyms.has(acronym)) return undefined
  const parts = ws.slice(i, i + n)
  if (isJoiner(parts[0]) || isJoiner(parts[n - 1])) return undefined
  let unknown = false
  for (const p of parts) {
    if (isJoiner(p)) continue
    if (STOP_WORDS.has(p) || /\d/.test(p)) return undefined
    if (!kb.df.has(stem(p))) unknown = true
  }
  if (!unknown) return undefined
  // The knowledge spells the acronym out as another name ("IP" is its Internet Protocol, not the
  // asker's Intellectual Property): the letters are the same, the thing is not.
  const meanings = kb.aliases.get(acronym)
  if (meanings && !meanings.has(parts.join(' '))) return undefined
  const asName = parts.every((p) => isJoiner(p) || named.has(p))
  return asName || ws[i - 1] === 'the' ? { acronym, asName } : undefined
}
