/**
 * Sentence boundaries for news and encyclopedia prose. A period ends a sentence unless it closes
 * an abbreviation ("Gen.", "U.S.", "Jan."), an initial ("George W. Bush") or a number ("2.5"); a
 * sentence may end inside quotation marks ('…," she said. "Next…').
 */
/** Titles before a name: an abbreviation only when capitalised ("Gen. Smith", not "the gen."). */
const TITLES = new Set('mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev hon messrs'.split(' '))
/** Abbreviations before a number ("No. 5", "Jan. 12", "pp. 30"); elsewhere they are plain words. */
const BEFORE_NUMBER = new Set(
  'no nos vol pp p fig op art sec ch jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun approx'.split(' '),
)
/** Abbreviations that never end a sentence in running text. */
const ALWAYS = new Set('inc corp co ltd llc bros dept univ assn vs cf al e.g i.e a.m p.m'.split(' '))

const CLOSERS = `"'”’)]`
const OPENERS = `"'“‘([`

function endsWithAbbreviation(before: string, next: string): boolean {
  const word = before.match(/([\p{L}.]+)$/u)?.[1] ?? ''
  if (!word) return false
  // A single capital ("W.") is an initial; dotted capitals ("U.S.", "U.N.") are acronyms.
  if (/^\p{Lu}$/u.test(word)) return true
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true
  const lower = word.toLowerCase()
  if (ALWAYS.has(lower)) return true
  if (TITLES.has(lower)) return /^\p{Lu}/u.test(word)
  return BEFORE_NUMBER.has(lower) && /^\d/.test(next)
}

/** Splits a paragraph into sentences; every sentence is a verbatim slice of the input. */
export function splitIntoSentences(paragraph: string): string[] {
  const text = paragraph.trim()
  const out: string[] = []
  let start = 0
  const re = /[.!?…]+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let end = m.index + m[0].length
    while (end < text.length && CLOSERS.includes(text[end])) end++
    const rest = text.slice(end)
    // A boundary needs white space, then something that can open a sentence.
    const next = rest.match(/^\s+(.)/u)
    if (!next) continue
    const opener = next[1]
    if (!(/[\p{Lu}\p{N}]/u.test(opener) || OPENERS.includes(opener))) continue
    if (m[0] === '.' && endsWithAbbreviation(text.slice(start, m.index), opener)) {
      // "in the U.S. The talks…" is still ambiguous; an acronym followed by a capital stays joined.
      continue
    }
    out.push(text.slice(start, end).trim())
    start = end
  }
  const last = text.slice(start).trim()
  if (last) out.push(last)
  return out
}
