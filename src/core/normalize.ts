import { stemmer } from 'stemmer'

/**
 * Text folding shared by indexing and questions, so both sides meet on the same terms:
 * accents, case, curly quotes and dashes never decide whether two words match.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[‐-―]/g, '-')
    .toLowerCase()
}

/** Words of folded text; "2,000" stays one number, "30%" gives "30" and "percent". */
export function words(text: string): string[] {
  const cached = memo?.get(text)
  if (cached) return cached
  const out = splitWords(text)
  memo?.set(text, out)
  return out
}

/**
 * While an index is built, every sentence is read several times (as itself, as a neighbour's
 * context, for the vocabulary): `withWordMemo` remembers its words for the length of the build.
 */
let memo: Map<string, string[]> | undefined
export function withWordMemo<T>(build: () => T): T {
  const outer = memo
  memo = outer ?? new Map()
  try {
    return build()
  } finally {
    memo = outer
  }
}

function splitWords(text: string): string[] {
  const out: string[] = []
  const folded = fold(text).replace(/(\d),(?=\d{3}\b)/g, '$1')
  for (const m of folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)?|%/gu)) {
    let w = m[0]
    if (w === '%') {
      out.push('percent')
      continue
    }
    // Possessives and contractions carry no meaning of their own here.
    w = w.replace(/'(s|t|re|ve|ll|d|m)$/, '')
    if (w) out.push(w)
  }
  return out
}

/**
 * Words that say nothing about what a sentence is about. Removing them keeps a large index fast
 * (MiniSearch scores every document that matches any query term) and keeps "coverage" honest.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each either else ever few for from
  further had has have having he her here hers herself him himself his how however i if in into is it
  its itself just me might more most much must my myself no nor not now of off on once only or other
  our ours ourselves out over own same shall she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up upon very was we were what
  when where which while who whom whose why will with within would yet you your yours yourself
  yourselves mr mrs ms one ones many thing things way ways get got also s t said say says`
    .split(/\s+/)
    .filter(Boolean),
)

// Porter stemming merges "screening" with "screen" and "deported" with "deportation".
const stemCache = new Map<string, string>()
export function stem(word: string): string {
  let s = stemCache.get(word)
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word)
    if (stemCache.size < 200_000) stemCache.set(word, s)
  }
  return s
}

/** The searchable terms of a text: folded, stop words dropped, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem)
}

/**
 * Matches a word capitalised after the text's first word: a name as the asker wrote it ("Who is
 * Kamala Harris?"), where the first word's capital says nothing. `rest` is the character class of
 * what may follow the capital: letters, and for some readers apostrophes or hyphens ("O'Brien").
 */
export function capitalisedAfterFirst(rest = String.raw`\p{L}`, flags = 'gu'): RegExp {
  return new RegExp(String.raw`(?<=\S\s+)\p{Lu}[${rest}]*`, flags)
}
