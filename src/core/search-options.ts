import type { Options, SearchOptions } from 'minisearch'
import { STOP_WORDS, stem, words } from './normalize.js'

/** What each fact contributes to the index. */
export type IndexedFact = {
  id: number
  /** The sentence itself. */
  text: string
  /** Who speaks in it, so "what did Meyer say" finds "she stated". */
  speaker: string
  /** Its neighbours in the paragraph and its section heading, one a line: words a paraphrase may borrow. */
  context: string
}

/**
 * The one place MiniSearch is configured: the same options must build an index and load a saved
 * one, or a loaded index would silently tokenize differently from the questions.
 */
export const INDEX_OPTIONS: Options<IndexedFact> = {
  fields: ['text', 'speaker', 'context'],
  storeFields: [],
  // Tokens are already clean words; folding, stop words and stemming happen in processTerm.
  // One sentence a line, so each is split into words once however often it is read.
  tokenize: (text) => (text.includes('\n') ? text.split('\n').flatMap(words) : words(text)),
  // Dropping stop words keeps a large index fast (MiniSearch scores every document matching any
  // term) and stemming lets "screening" meet "pre-screen".
  processTerm: (term) => (STOP_WORDS.has(term) ? null : stem(term)),
}

/** A speaker's name counts more than a word of the sentence; a neighbour's words much less. */
export const FIELD_BOOST = { text: 1, speaker: 1.5, context: 0.35 }

/**
 * How candidates are fetched. Neighbouring sentences are not indexed with each fact (that would
 * double the index); the ranking adds the best matches' neighbours as candidates instead. Questions arrive as already processed stems, so the query-side
 * tokenizer and processTerm are identities. No fuzzy or prefix search: spelling is corrected
 * against the vocabulary before the query (faster and deterministic), and stems already merge
 * word forms.
 */
export const CANDIDATE_SEARCH: SearchOptions = {
  boost: { ...FIELD_BOOST },
  combineWith: 'OR',
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term,
}
