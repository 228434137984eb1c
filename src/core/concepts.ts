import { LONGEST_NAME, readsAsAcronym, writtenAcronymOf } from './acronyms.js'
import { demonymStems } from './demonyms.js'
import { englishCount } from './english.js'
import { type Expression, expressionsIn } from './expressions.js'
import { countInArticle, type KnowledgeBase } from './knowledge-base.js'
import { STOP_WORDS, stem, words } from './normalize.js'
import { ONE_TO_TWELVE } from './numbers.js'
import { synonymStems } from './synonyms.js'
import { lowercaseName, nameNeighbours } from './typed-names.js'

/**
 * A question's concepts: which of its words are one idea (an alias, a name spelt out for the
 * acronym the knowledge writes, an idiom, or a single word), the stems that count as mentioning
 * each, and what each weighs. question.ts reads the question's words; this turns them into ideas.
 */

/** One idea the question asks about, with the stems that count as mentioning it. */
export type Concept = {
  word: string
  stems: Set<string>
  /** Inverse document frequency over all facts: a rare word says more about where the answer is. */
  weight: number
  /** How much the word counts where an article never uses it (see unknownFactor). */
  unknownFactor: number
  /** Does the knowledge contain it at all? A word it never uses suggests the answer is not there. */
  known: boolean
  /** A name as the asker wrote it (capitalised after the first word, or an acronym). */
  named: boolean
  /** Stems of words meaning the same that the knowledge uses (WordNet): a paraphrase, weighed less. */
  synonyms: Set<string>
  /** An idiom read as one idea ("take back"): its words mean it only where the sentence has it too. */
  expression?: Pick<Expression, 'words' | 'movable'>
}

/** Words a question uses to ask rather than to name what it asks about. */
const ASKING = new Set(
  `many much big large long far often old high tall fast happen happened happens mention mentioned
  article story tell told describe described call called kind type sort name named say think
  percentage percent number amount year date day time month reason cause purpose person people
  country countries city place location please know located situated according`.split(/\s+/),
)

/** Adverbs that finish a phrasal verb ("up", "out", "off" are stop words already). */
const PARTICLES = new Set(['back', 'away', 'forth', 'along', 'around'])

const NUMBER_WORDS = new Set(ONE_TO_TWELVE)

function idf(kb: KnowledgeBase, df: number): number {
  return Math.log(1 + kb.searchableCount / Math.max(df, 0.5))
}

/** How long a shared beginning makes two stems one word family. */
const FAMILY_PREFIX = 5
/** …as long as neither goes on for more than this after it. */
const FAMILY_TAIL = 3

/**
 * Stems of the same word family that Porter stemming leaves apart: "democrat" / "democraci",
 * "mexico" / "mexican", "migrat" / "migrant". Found by binary search in the sorted stems.
 */
function relatedStems(kb: KnowledgeBase, s: string): string[] {
  const out: string[] = []
  if (s.length < FAMILY_PREFIX || /^\d/.test(s)) return out
  const prefix = s.slice(0, FAMILY_PREFIX)
  let lo = 0
  let hi = kb.stems.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (kb.stems[mid] < prefix) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < kb.stems.length && kb.stems[i].startsWith(prefix) && out.length < 12; i++) {
    const t = kb.stems[i]
    let shared = FAMILY_PREFIX
    while (shared < Math.min(s.length, t.length) && s[shared] === t[shared]) shared++
    if (t !== s && s.length - shared <= FAMILY_TAIL && t.length - shared <= FAMILY_TAIL) out.push(t)
  }
  return out
}

/**
 * A word the knowledge never uses weighs like its rarest words when it is specific ("backlog"),
 * and less when it is everyday English that a paraphrase may have swapped in ("stop", "give").
 */
function unknownFactor(word: string, named: boolean): number {
  // A name the knowledge never mentions ("Germany", "GDP") is the surest sign it is not covered.
  if (named) return NAMED_UNKNOWN
  const n = englishCount(word)
  return n >= 10_000 ? 0.5 : n >= 1_000 ? 0.75 : 1
}

/**
 * The concept's weight within one article: each article is judged on its own words, so a word
 * that only another article uses still counts as missing from this one.
 */
export function weightIn(kb: KnowledgeBase, c: Concept, slug: string): number {
  const count = kb.searchableIn.get(slug)
  if (count === undefined) return c.weight
  let df = 0
  for (const s of c.stems) df = Math.max(df, countInArticle(kb, s, slug))
  return Math.log(1 + count / Math.max(df, 0.5)) * (df > 0 ? 1 : c.unknownFactor)
}

const NAMED_UNKNOWN = 1.5

/** The highest document frequency among the stems. */
function dfOf(kb: KnowledgeBase, set: Set<string>): number {
  let df = 0
  for (const s of set) df = Math.max(df, kb.df.get(s) ?? 0)
  return df
}

/**
 * `own` is the word whose use in the knowledge sets the weight: the word itself, or for a name
 * asked in full the acronym the knowledge writes for it ("united nations" weighs as rare as "UN").
 */
function concept(kb: KnowledgeBase, word: string, extra: string[] = [], named = false, ownWord = word): Concept {
  // The word's own family ("mexico" / "mexican") counts as the word, and so does what an alias
  // stands for; but when the alias itself is in the text, it alone sets the weight: "FIS" is as
  // rare as "FIS", not as common as "Islam" in the name it stands for.
  const own = new Set<string>([stem(ownWord)])
  for (const r of relatedStems(kb, stem(ownWord))) own.add(r)
  // A people's adjective and its place are one idea: "Swiss" asked meets "Switzerland" written.
  for (const r of demonymStems(stem(ownWord))) if (kb.df.has(r)) own.add(r)
  const stems = new Set(own)
  for (const w of extra) for (const x of words(w)) if (!STOP_WORDS.has(x)) for (const t of [stem(x), ...relatedStems(kb, stem(x))]) stems.add(t)
  const ownDf = dfOf(kb, own)
  const df = ownDf > 0 ? ownDf : dfOf(kb, stems)
  const factor = unknownFactor(word, named)
  const synonyms = new Set<string>()
  // Only for a word the knowledge never uses: a paraphrase's stand-in, not a second meaning of a
  // word that is there (measured: offering synonyms for every word gained nothing more).
  if (!named && df === 0) for (const s of synonymStems(stem(word))) if (kb.df.has(s) && !stems.has(s)) synonyms.add(s)
  return { word, stems, weight: idf(kb, df) * (df > 0 ? 1 : factor), unknownFactor: factor, known: df > 0, named, synonyms }
}

/**
 * One idea for a multi-word expression ("take … back", "in return"): its words that name something
 * (not "in", not "so far") are searched as the idea's stems, and its WordNet synonyms count as a
 * paraphrase whether or not the knowledge uses its words. Undefined when none of its words would
 * have been searched anyway ("what kind of"): the question then reads as it did.
 */
function expressionConcept(kb: KnowledgeBase, e: Expression): Concept | undefined {
  const content = e.words.filter((w) => !STOP_WORDS.has(w) && !ASKING.has(w) && w.length >= 2)
  if (!content.length) return undefined
  const stems = new Set(content.map(stem))
  const df = dfOf(kb, stems)
  const factor = unknownFactor(content[0], false)
  const synonyms = new Set(e.synonyms.filter((s) => kb.df.has(s) && !stems.has(s)))
  const weight = idf(kb, df) * (df > 0 ? 1 : factor)
  return { word: e.words.join('-'), stems, weight, unknownFactor: factor, known: df > 0, named: false, synonyms, expression: e }
}

/** Does the knowledge use the word, its stem, or have it as an alias? */
export function isKnown(kb: KnowledgeBase, w: string): boolean {
  return kb.vocabulary.has(w) || kb.df.has(stem(w)) || kb.aliases.has(w)
}

/** How the question was typed: what reading its words as names depends on. */
export type Typed = {
  /** Words written in capitals ("UN") and words capitalised after the first (typed-names.ts). */
  capitals: Set<string>
  named: Set<string>
  /** Typed without capitals: then a word neither the article nor English knows is a name. */
  lowercase: boolean
}

/**
 * The concepts of the question's words, in order, and the words that stand in an idiom. `names`
 * gains the lower-case words read as names.
 */
export function readConcepts(kb: KnowledgeBase, ws: string[], typed: Typed, names: Set<string>): { concepts: Concept[]; idiomatic: Set<string> } {
  const { capitals, named, lowercase } = typed
  const concepts: Concept[] = []
  // Each expression is read where its first word stands; its other words are part of it.
  const expressionAt = new Map<number, Expression>()
  const inExpression = new Set<number>()
  const idiomatic = new Set<string>()
  for (const e of expressionsIn(ws)) {
    expressionAt.set(e.at[0], e)
    for (const p of e.at.slice(1)) inExpression.add(p)
    for (const w of e.words) idiomatic.add(w)
  }
  for (let i = 0; i < ws.length; ) {
    // The longest alias starting here ("foreign minister", "amlo", "the un") becomes one concept,
    // and so does a name spelt out whose acronym is what the knowledge writes ("the international
    // monetary fund" for its "IMF"). Aliases are up to five words long, names up to six.
    let matched = 0
    for (let n = Math.min(LONGEST_NAME, ws.length - i); n >= 1 && !matched; n--) {
      const parts = ws.slice(i, i + n)
      const phrase = parts.join(' ')
      const meanings = n <= 5 ? kb.aliases.get(phrase) : undefined
      if (meanings && (n > 1 || readsAsAcronym(phrase, ws[i - 1], capitals))) {
        const asName = capitals.has(phrase) || parts.every((x) => named.has(x))
        concepts.push(concept(kb, phrase.replace(/ /g, '-'), [phrase, ...meanings], asName))
        matched = n
        continue
      }
      const written = writtenAcronymOf(kb, ws, i, n, named)
      if (written) {
        concepts.push(concept(kb, phrase.replace(/ /g, '-'), [phrase, written.acronym], written.asName, written.acronym))
        matched = n
      }
    }
    if (matched) {
      i += matched
      continue
    }
    const e = inExpression.has(i) ? undefined : expressionAt.get(i)
    const idea = e && expressionConcept(kb, e)
    if (idea || inExpression.has(i)) {
      if (idea) concepts.push(idea)
      i++
      continue
    }
    const w = ws[i++]
    if (STOP_WORDS.has(w) || ASKING.has(w) || w.length < 2) continue
    // "flown back", "sent away": a verb's particle the knowledge never uses is no idea of its own.
    if (PARTICLES.has(w) && !kb.df.has(stem(w))) continue
    // "Which three countries…" counts the answers; the number is not in the text.
    if (NUMBER_WORDS.has(w) && !kb.df.has(w)) continue
    if (concepts.some((c) => c.word === w)) continue
    // "what did kamala harris say": a lower-case word neither the article nor English knows is a name too.
    const asName = named.has(w) || capitals.has(w) || (lowercase && !isKnown(kb, w) && lowercaseName(kb.vocabulary, w))
    if (asName) names.add(w)
    concepts.push(concept(kb, w, [], asName))
  }
  // "kamala harris": the unknown word beside a lower-case name is part of it.
  if (lowercase)
    for (const w of nameNeighbours(ws, names, (x) => isKnown(kb, x))) {
      const at = concepts.findIndex((c) => c.word === w)
      if (at >= 0) concepts[at] = concept(kb, w, [], true)
    }
  return { concepts, idiomatic }
}
