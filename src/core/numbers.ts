import { fold } from './normalize.js'

/**
 * The numbers a text states, normalised so that "5", "five" and "fifth" meet, and "II" meets "2":
 * digits (thousands separators dropped), number words, ordinals and Roman numerals after a name
 * ("World War II", "Henry IV"). Used to tell whether a sentence gives the number a question names.
 */
/** Number words by value: UNITS[n] is n (0-19), TENS[i] is 20 + 10i. Other readings of numbers build on these. */
export const UNITS: readonly string[] =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ')
export const TENS: readonly string[] = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ')
/** "one" to "twelve": the counts most often written as words ("two countries", "eleven days"). */
export const ONE_TO_TWELVE: readonly string[] = UNITS.slice(1, 13)
/** The large numbers, each with its plural ("hundreds of troops", "two million"). */
export const SCALES: readonly string[] = 'hundred hundreds thousand thousands million millions billion billions'.split(' ')
const ORDINALS =
  'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'.split(
    ' ',
  )
const TENS_ORDINAL = 'twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth'.split(' ')

const WORD_VALUE = new Map<string, number>()
for (const list of [UNITS, ORDINALS]) for (const [i, w] of list.entries()) WORD_VALUE.set(w, i)
for (const list of [TENS, TENS_ORDINAL]) for (const [i, w] of list.entries()) WORD_VALUE.set(w, 20 + 10 * i)
WORD_VALUE.set('hundred', 100).set('hundredth', 100).set('thousand', 1000).set('thousandth', 1000)
WORD_VALUE.set('million', 1e6).set('billion', 1e9).set('dozen', 12)

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }

/** The value of a well-formed Roman numeral, or undefined ("MIX" is a word, "XIV" is 14). */
export function romanValue(s: string): number | undefined {
  if (!/^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || !s) return undefined
  let total = 0
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]]
    const next = ROMAN[s[i + 1]] ?? 0
    total += v < next ? -v : v
  }
  return total
}

// A Roman numeral counts after a capitalised word ("Louis XIV", "World War II"), where it cannot be
// an initial; a lone "I" is left out, as it is far more often the pronoun.
const ROMAN_AFTER_NAME = /(?<=\p{Lu}[\p{L}]*\s)([MDCLXVI]{2,}|[VX])\b/gu
const DIGITS = /(?<![\p{L}\d.])(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th|s)?\b/gu
const WORD = /\b[a-z]+\b/g

// The same three readings, unanchored and without the flag `g` (whose lastIndex a .test() keeps).
const ROMAN_SEEN = new RegExp(ROMAN_AFTER_NAME.source, 'u')
const WORD_SEEN = new RegExp(String.raw`\b(?:${[...WORD_VALUE.keys()].join('|')})\b`, 'i')

/**
 * A cheap first look: could the text state a number numbersIn would read? Built from the same
 * words and patterns, so the two cannot drift apart; most questions give no number at all.
 */
export function mayHaveNumber(text: string): boolean {
  return /\d/.test(text) || ROMAN_SEEN.test(text) || WORD_SEEN.test(text)
}

export function numbersIn(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of text.matchAll(ROMAN_AFTER_NAME)) {
    const v = romanValue(m[1])
    if (v !== undefined) out.add(String(v))
  }
  const folded = fold(text)
  for (const m of folded.matchAll(DIGITS)) out.add(String(Number(m[1].replace(/,/g, ''))))
  let tens = -1
  for (const m of folded.matchAll(WORD)) {
    const v = WORD_VALUE.get(m[0])
    if (v === undefined) {
      tens = -1
      continue
    }
    // "twenty-five" / "twenty five" is 25 (and says 20 and 5 too, which does no harm).
    if (tens >= 0 && v < 10) out.add(String(tens + v))
    out.add(String(v))
    tens = v >= 20 && v < 100 && v % 10 === 0 ? v : -1
  }
  return out
}
