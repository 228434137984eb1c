import SearchableMap from 'minisearch/SearchableMap'
import { describe, expect, it } from 'vitest'
import { fold, STOP_WORDS, stem, terms, words } from '../src/core/normalize.js'
import { correctSpelling, osaDistance } from '../src/core/spelling.js'

describe('fold', () => {
  it('removes accents and lower-cases, so "López Obrador" meets "lopez obrador"', () => {
    expect(fold('López Obrador')).toBe('lopez obrador')
    expect(fold('Alicia BÁRCENA')).toBe('alicia barcena')
    expect(fold('Sarukhán, Ça, naïve, Øresund')).toBe('sarukhan, ca, naive, øresund')
  })

  it('turns curly quotes and apostrophes into straight ones', () => {
    expect(fold('“Who’s there?” ‘she’ said')).toBe(`"who's there?" 'she' said`)
    expect(fold('«non» „ja“')).toBe('"non" "ja"')
  })

  it('turns dashes into a hyphen', () => {
    expect(fold('1869–1909 — Sherwood‑Randall')).toBe('1869-1909 - sherwood-randall')
  })

  it('folds both sides the same way: folding twice changes nothing', () => {
    const s = 'Andrés Manuel López Obrador’s “thriving” democracy – 2,000 miles'
    expect(fold(fold(s))).toBe(fold(s))
  })
})

describe('words', () => {
  it('keeps "2,000" as one number token', () => {
    expect(words('close to 2,000 miles')).toEqual(['close', 'to', '2000', 'miles'])
    expect(words('more than 200,000 apprehensions')).toEqual(['more', 'than', '200000', 'apprehensions'])
  })

  it('does not glue a list of numbers separated by ", "', () => {
    expect(words('in 1, 2, 3')).toEqual(['in', '1', '2', '3'])
  })

  it('turns "30%" into "30" and "percent"', () => {
    expect(words('a reported 30% decrease')).toEqual(['a', 'reported', '30', 'percent', 'decrease'])
  })

  it('folds accents and case and drops possessive endings', () => {
    expect(words("Mexico's López Obrador’s BORDER")).toEqual(['mexico', 'lopez', 'obrador', 'border'])
  })

  it('drops punctuation and emoji', () => {
    expect(words('who is alicia barcena??? 🙂')).toEqual(['who', 'is', 'alicia', 'barcena'])
  })

  it('keeps letters of other scripts as words', () => {
    expect(words('Кто это Сели?')).toEqual(['кто', 'это', 'сели'])
    expect(words('墨西哥 メキシコ')).toEqual(['墨西哥', 'メキシコ'])
  })
})

describe('terms', () => {
  it('drops stop words and stems what is left, so word forms meet', () => {
    expect(terms('The deportations of migrants')).toEqual([stem('deportations'), stem('migrants')])
    expect(terms('screening')).toEqual(terms('screen'))
    for (const t of terms('what is the reason for the border')) expect(STOP_WORDS.has(t)).toBe(false)
  })

  it('leaves numbers unstemmed', () => {
    expect(stem('2000')).toBe('2000')
    expect(terms('2,000 miles')).toEqual(['2000', stem('miles')])
  })
})

describe('spelling correction', () => {
  /** A small vocabulary: word -> how often the knowledge uses it. */
  const vocabulary = new SearchableMap<number>()
  for (const [w, n] of Object.entries({ foreign: 3, title: 2, titer: 1, burn: 4, border: 9, secretary: 2, deportation: 5 })) vocabulary.set(w, n)

  it('measures adjacent swaps as one edit', () => {
    expect(osaDistance('foriegn', 'foreign')).toBe(1)
    expect(osaDistance('titel', 'title')).toBe(1)
    expect(osaDistance('border', 'border')).toBe(0)
    expect(osaDistance('', 'abc')).toBe(3)
  })

  it('corrects "foriegn" to "foreign" and "titel" to "title"', () => {
    expect(correctSpelling('foriegn', vocabulary)).toBe('foreign')
    // "titer" is one edit away too; "title" wins because the knowledge uses it more often.
    expect(correctSpelling('titel', vocabulary)).toBe('title')
  })

  it('allows two edits in a long word ("secretery", "deprtatoin")', () => {
    expect(correctSpelling('secretery', vocabulary)).toBe('secretary')
    expect(correctSpelling('deprtatoin', vocabulary)).toBe('deportation')
  })

  it('never corrects a short word: "born" is not a misspelt "burn"', () => {
    expect(correctSpelling('born', vocabulary)).toBeUndefined()
    expect(correctSpelling('brn', vocabulary)).toBeUndefined()
  })

  it('does not change the first letter ("xoreign" is not "foreign")', () => {
    expect(correctSpelling('xoreign', vocabulary)).toBeUndefined()
  })

  it('does not correct a word too far from every vocabulary word', () => {
    expect(correctSpelling('fxrxixn', vocabulary)).toBeUndefined()
    expect(correctSpelling('bordello', vocabulary)).toBeUndefined()
  })

  it('breaks ties the same way every time, whatever order the vocabulary was built in', () => {
    const reversed = new SearchableMap<number>()
    for (const [w, n] of [...vocabulary].reverse()) reversed.set(w, n)
    for (const w of ['titel', 'foriegn', 'secretery']) expect(correctSpelling(w, reversed)).toBe(correctSpelling(w, vocabulary))
  })
})
