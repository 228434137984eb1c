import type SearchableMap from 'minisearch/SearchableMap'

/** Optimal string alignment distance: Levenshtein plus adjacent swaps ("foriegn" -> "foreign"). */
export function osaDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/**
 * How many typos a word of this length may carry and still be recognised. Short words are left
 * alone: "wall" is not a misspelt "will", and "born" is not "burn".
 */
function allowedEdits(length: number): number {
  if (length < 5) return 0
  return length < 8 ? 1 : 2
}

/**
 * The vocabulary word a misspelt word most likely meant, or undefined. Candidates share the first
 * letter (typos rarely hit it); the closest wins, then the most frequent, then the alphabetical
 * first, so the same question always gets the same correction.
 */
export function correctSpelling(word: string, vocabulary: SearchableMap<number>): string | undefined {
  const edits = allowedEdits(word.length)
  if (!edits) return undefined
  // Levenshtein search within the allowed edits, plus every adjacent swap looked up directly: a
  // swap is one typo but two Levenshtein edits, and searching a large vocabulary with one more
  // edit costs far more than the handful of exact look-ups.
  const candidates = new Map<string, number>()
  for (const [w, [n]] of vocabulary.fuzzyGet(word, edits)) candidates.set(w, n)
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    // A swap plus one more typo, in long words that may carry two ("deprtatoin").
    for (const [w, [n]] of vocabulary.fuzzyGet(swapped, edits - 1)) candidates.set(w, n)
  }
  let best: { w: string; d: number; n: number } | undefined
  for (const [w, n] of candidates) {
    if (w[0] !== word[0]) continue
    const d = osaDistance(word, w)
    if (d > edits) continue
    if (!best || d < best.d || (d === best.d && (n > best.n || (n === best.n && w < best.w)))) best = { w, d, n }
  }
  return best?.w
}
