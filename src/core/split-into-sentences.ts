/**
 * Sentence boundaries for news and encyclopedia prose. A period ends a sentence unless it closes
 * an abbreviation ("Gen.", "U.S.", "Jan."), an initial ("George W. Bush") or a number ("2.5"); a
 * sentence may end inside quotation marks ('…," she said. "Next…').
 */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev hon messrs
  inc corp co ltd llc bros dept univ assn est approx vs etc al cf ca fig no nos vol pp op
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  e.g i.e a.m p.m`.split(/\s+/),
)

const CLOSERS = `"'”’)]`
const OPENERS = `"'“‘([`

function endsWithAbbreviation(before: string): boolean {
  const word = before.match(/([\p{L}.]+)$/u)?.[1] ?? ''
  if (!word) return false
  // A single capital ("W.") is an initial; dotted capitals ("U.S.", "U.N.") are acronyms.
  if (/^\p{Lu}$/u.test(word)) return true
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true
  return ABBREVIATIONS.has(word.toLowerCase())
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
    if (m[0] === '.' && endsWithAbbreviation(text.slice(start, m.index))) {
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
