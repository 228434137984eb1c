import SearchableMap from 'minisearch/SearchableMap'
import { LONGEST_NAME, readsAsAcronym, writtenAcronymOf } from './acronyms.js'
import { unchat } from './chat-shorthand.js'
import { demonymStems } from './demonyms.js'
import { englishCount, looksEnglish } from './english.js'
import { type Expression, expressionsIn } from './expressions.js'
import { kindAsked } from './focus.js'
import { countInArticle, type KnowledgeBase } from './knowledge-base.js'
import { isNegatedFolded } from './negation.js'
import { fold, STOP_WORDS, stem, words } from './normalize.js'
import { ONE_TO_TWELVE } from './numbers.js'
import { OVERVIEW, type QuestionType, readType } from './question-type.js'
import { correctSpelling } from './spelling.js'
import { synonymStems } from './synonyms.js'
import { capitalisedWords, lowercaseName, nameNeighbours, typedLowercase } from './typed-names.js'

export type { QuestionType } from './question-type.js'

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

export type Question = {
  type: QuestionType
  /** "Who is X?" / "What is X?" where X is named: the role or definition of X is wanted. */
  defines: boolean
  concepts: Concept[]
  /** Folded words after spelling correction: what the question names. */
  words: string[]
  /** The question as asked (trimmed), for the checks that need its case and its little words. */
  raw: string
  /** Folded words read as names, however typed (typed-names.ts): capitalised, or unknown to both article and English. */
  names: ReadonlySet<string>
  /** Does it ask about what did not happen ("What did X not do?")? */
  negated: boolean
  /** The question folded (case, accents), punctuation kept. */
  folded: string
  /** The kind of thing asked for, as a stem ("countri" of "What countries …"): focus.ts kindAsked. */
  kind?: string
  /** The one article to answer from, when one was picked. */
  article?: string
  /** Words that stand in an idiom ("down" of "step down", "least" of "at least"): not meant literally. */
  idiomatic?: ReadonlySet<string>
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

/** Folded `what is X` where X is a name or a short noun phrase: the answer defines X. */
const DEFINES = /^(?:who|what)\s+(?:is|was|are|were)\s+(?!the\s+(?:reason|cause|name|number|date|main|purpose))(.{2,60})$/

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

/** A typo is a word neither the knowledge nor everyday English knows ("foriegn", "titel"). */
function spellingOf(kb: KnowledgeBase, w: string): string[] {
  if (STOP_WORDS.has(w) || isKnown(kb, w) || englishCount(w) >= 20) return [w]
  const fixed = correctSpelling(w, kb.vocabulary) ?? correctSpelling(w, STOP_WORD_MAP)
  // A real word too rare to be listed ("defunded") is not a typo of an article's word ("defined");
  // the morphology is only looked at when a correction is on offer.
  if (fixed) return looksEnglish(w) ? [w] : [fixed]
  return splitCompound(kb, w) ?? [w]
}

/** "betwen" is a misspelt stop word: it must not count as a word the knowledge lacks. */
const STOP_WORD_MAP = new SearchableMap<number>()
for (const w of STOP_WORDS) STOP_WORD_MAP.set(w, 1)

/** "userdatagram" -> "user datagram": an unknown word made of two known ones. */
function splitCompound(kb: KnowledgeBase, w: string): string[] | undefined {
  for (let i = 3; i <= w.length - 3; i++) {
    const a = w.slice(0, i)
    const b = w.slice(i)
    if (kb.vocabulary.has(a) && kb.vocabulary.has(b)) return [a, b]
  }
  return undefined
}

/** "apple talk" -> "appletalk" when the knowledge writes it as one word. */
function joinCompounds(kb: KnowledgeBase, ws: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < ws.length; i++) {
    const joined = ws[i] + (ws[i + 1] ?? '')
    if (i + 1 < ws.length && !STOP_WORDS.has(ws[i]) && kb.vocabulary.has(joined)) {
      out.push(joined)
      i++
    } else out.push(ws[i])
  }
  return out
}

function isKnown(kb: KnowledgeBase, w: string): boolean {
  return kb.vocabulary.has(w) || kb.df.has(stem(w)) || kb.aliases.has(w)
}

/** A folded question with its punctuation gone: what the question type and the words are read from. */
export function cleanQuestion(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N}%'\s-]+/gu, ' ')
      // "X's full name", "what does X stand for": the answer is what X stands for, not a word "full".
      .replace(/\bfull name\b|\bstands? for\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

export function parseQuestion(kb: KnowledgeBase, raw: string): Question {
  const { capitals, named } = capitalisedWords(raw)
  const names = new Set([...capitals, ...named])
  const lowercase = typedLowercase(raw)
  // Chat shorthand written out and padding off ("so whats the govt doing basically"): chat-shorthand.ts.
  const punctuated = unchat(fold(raw).replace(/\s+/g, ' ').trim(), names)
  const folded = cleanQuestion(punctuated)
  const negated = isNegatedFolded(punctuated)
  if (OVERVIEW.test(folded)) return { type: 'overview', defines: false, concepts: [], words: words(folded), raw, names, negated, folded: punctuated }

  // The type is read with the commas still in: "According to X, what…" is framed by its clause.
  const reading = readType(punctuated, cleanQuestion, folded)
  const { type } = reading
  const rest = reading.rest
  const kind = kindAsked(type, reading.asked, named)
  const defines = (type === 'who' || type === 'what') && DEFINES.test(folded)

  const ws = joinCompounds(
    kb,
    words(rest).flatMap((w) => spellingOf(kb, w)),
  )
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
      if (meanings && (n > 1 || readsAsAcronym(phrase, folded, capitals))) {
        const asName = capitals.has(phrase) || parts.every((x) => named.has(x))
        concepts.push(concept(kb, phrase.replace(/ /g, '-'), [phrase, ...meanings], asName))
        matched = n
        continue
      }
      const written = writtenAcronymOf(kb, ws, i, n, named, folded)
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
  return { type, defines, concepts, words: ws, raw, names, negated, folded: punctuated, idiomatic, kind }
}
