/** Words that deny what follows: "not", "never", "didn't", "no longer", "neither … nor". */
const NEGATION = /\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|without)\b|n't\b/

/** Does the text, already folded, deny something (as a question: ask about what did not happen)? */
export function isNegatedFolded(folded: string): boolean {
  return NEGATION.test(folded.replace(/\bno\.\s*\d/g, ' '))
}
