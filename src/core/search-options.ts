/**
 * How much each field of a fact counts when candidates are searched (search-index.ts): a speaker's
 * name counts more than a word of the sentence, a neighbour's or the section heading's words much less.
 */
export const FIELD_BOOST = { text: 1, speaker: 1.5, context: 0.35 }
