/**
 * Proper names in running text: runs of capitalised words, allowing initials ("George W. Bush"),
 * hyphens ("Sherwood-Randall") and the small words inside organisation names ("Office on Latin
 * America"). Used for speakers, roles and acronyms; nothing here knows any particular article.
 */
const CAP = String.raw`\p{Lu}[\p{L}'’\-]*\p{L}|\p{Lu}\.`
const JOINERS = String.raw`of|on|for|the|and|de|del|la|da|van|von|al|y`
export const NAME_RUN = new RegExp(String.raw`(?:${CAP})(?:\s+(?:(?:${JOINERS})\s+)*(?:${CAP}))*`, 'gu')

/** Titles that stand before a name but are not part of it. */
export const TITLE_WORDS = new Set(
  `president vice secretary minister senator governor mayor ambassador general chancellor prime
  foreign state former king queen prince princess pope saint st sir lord lady dr mr mrs ms professor
  prof judge justice chief director chairman chair spokesperson spokesman spokeswoman representative
  rep sen gov gen col capt lt sgt adm commissioner officer leader duke earl count emperor bishop
  archbishop cardinal us u.s. mexican american`.split(/\s+/),
)

/** Capitalised words that start sentences or questions without naming anything. */
const NOT_NAMES = new Set(
  `the a an in on at to of for from by with as and but or if when where why how what who which
  during after before since while although though however this that these those it its he she they
  we i you his her their our my your there here then thus also additionally furthermore meanwhile
  following according last next earlier later even critics politically otherwise members all some
  many most both each one two yet still such in`.split(/\s+/),
)

export function isNameWord(word: string): boolean {
  return !NOT_NAMES.has(word.toLowerCase())
}

/** Name runs in a sentence, with leading sentence-start words and titles trimmed off. */
export function findNames(sentence: string): { name: string; index: number; full: string }[] {
  const out: { name: string; index: number; full: string }[] = []
  for (const m of sentence.matchAll(NAME_RUN)) {
    const full = m[0]
    const parts = full.split(/\s+/)
    let i = 0
    while (i < parts.length - 1 && (!isNameWord(parts[i]) || TITLE_WORDS.has(parts[i].toLowerCase()))) i++
    if (!isNameWord(parts[i])) continue
    const name = parts.slice(i).join(' ')
    out.push({ name, full, index: (m.index ?? 0) + full.indexOf(name) })
  }
  return out
}

/** "Mexican Foreign Secretary Alicia Bárcena" -> "Alicia Bárcena": the person, not the title. */
export function personName(run: string): string {
  const parts = run.split(/\s+/)
  let i = 0
  while (i < parts.length - 1 && (TITLE_WORDS.has(parts[i].toLowerCase()) || !isNameWord(parts[i]))) i++
  const rest = parts.slice(i)
  // A person is named by at most their last few words ("Andrés Manuel López Obrador").
  return rest.join(' ')
}
