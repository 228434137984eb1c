import type { Concept } from './question.js'

/**
 * Share of the question's neighbouring ideas (weighted by rarity) that stand side by side in the
 * sentence too: "the Battle of Fort Bull" asked meets "the March Battle of Fort Bull" written,
 * not "the battle … near the fort". `terms` is the sentence's stems in order (stop words left
 * out, so "Battle of Fort" is two terms side by side).
 *
 * Measured on all the shared sets together (29 Nov 2026), as a bonus of 0.15 times this share in
 * rank.ts: SQuAD +3 right answers and +1 right decline, the other sets unchanged. Two or three
 * words apart instead of side by side cost dev-questions answers; a bonus of 0.2 or more cost
 * right declines.
 */
export function proximity(terms: readonly string[], concepts: readonly Concept[], weights: readonly number[]): number {
  if (concepts.length < 2) return 0
  let together = 0
  let total = 0
  for (let k = 0; k + 1 < concepts.length; k++) {
    const w = weights[k] + weights[k + 1]
    total += w
    if (sideBySide(terms, concepts[k].stems, concepts[k + 1].stems)) together += w
  }
  return total ? together / total : 0
}

/** Does a stem of `a` stand right before or after a stem of `b`? */
function sideBySide(terms: readonly string[], a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (let i = 0; i + 1 < terms.length; i++) {
    if ((a.has(terms[i]) && b.has(terms[i + 1])) || (b.has(terms[i]) && a.has(terms[i + 1]))) return true
  }
  return false
}
