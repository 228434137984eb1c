import { fold } from './normalize.js'

/** Words that deny what follows: "not", "never", "didn't", "no longer", "neither … nor". */
const NEGATION = /\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|without)\b|n't\b/

/** Does the text deny something (as a question: ask about what did not happen)? */
export function isNegated(text: string): boolean {
  return isNegatedFolded(fold(text))
}

/** The same, for text already folded. */
export function isNegatedFolded(folded: string): boolean {
  return NEGATION.test(folded.replace(/\bno\.\s*\d/g, ' '))
}
