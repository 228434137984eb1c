import type { Concept } from './question.js'

/** The question's ideas by stem, worked out once per question: which ideas each stem stands for. */
export type IdeaIndex = Map<string, number[]>

export function ideaIndex(concepts: readonly Concept[]): IdeaIndex {
  const index: IdeaIndex = new Map()
  concepts.forEach((c, k) => {
    for (const s of c.stems) {
      const list = index.get(s)
      if (!list) index.set(s, [k])
      else if (!list.includes(k)) list.push(k)
    }
  })
  return index
}

/**
 * Share of the question's neighbouring ideas (weighted by rarity) that stand side by side in the
 * sentence too: "the river authority" asked meets "The river authority manages …" written, not
 * "the river … the authority of the council". `terms` is the sentence's stems in order (stop
 * words left out, so "Bank of England" is two terms side by side). One pass over the sentence's terms.
 *
 * Measured on all the shared sets together (29 Nov 2026), as a bonus of 0.15 times this share in
 * rank.ts: SQuAD +3 right answers and +1 right decline, the other sets unchanged. Two or three
 * words apart instead of side by side cost dev-questions answers; a bonus of 0.2 or more cost
 * right declines.
 */
export function proximity(terms: readonly string[], ideas: IdeaIndex, weights: readonly number[]): number {
  const n = weights.length
  if (n < 2) return 0
  let total = 0
  for (let k = 0; k + 1 < n; k++) total += weights[k] + weights[k + 1]
  if (!total) return 0
  let together = 0
  // Pairs found so far, as bits (questions have far fewer than 32 ideas; the rest are ignored).
  let found = 0
  let before: number[] | undefined
  for (const t of terms) {
    const here = ideas.get(t)
    if (here && before) {
      for (const a of before)
        for (const b of here) {
          const k = Math.min(a, b)
          if (Math.abs(a - b) === 1 && k < 31 && !(found & (1 << k))) {
            found |= 1 << k
            together += weights[k] + weights[k + 1]
          }
        }
    }
    before = here
  }
  return together / total
}
