import SearchableMap from 'minisearch/SearchableMap'
import { englishCount } from './english.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { fold, STOP_WORDS, stem, words } from './normalize.js'
import { correctSpelling } from './spelling.js'

export type QuestionType = 'overview' | 'number' | 'when' | 'where' | 'who' | 'quote' | 'why' | 'yesno' | 'what'

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
}

export type Question = {
  type: QuestionType
  /** "Who is X?" / "What is X?" where X is named: the role or definition of X is wanted. */
  defines: boolean
  concepts: Concept[]
  /** Folded words after spelling correction: what the question names. */
  words: string[]
}

const OVERVIEW =
  /^(?:(?:please\s+)?(?:give me\s+)?(?:an?\s+)?(?:summary|summari[sz]e|overview|tl;?\s*dr|recap|gist|synopsis)\b|(?:what(?:'s| is| are)?\s+)?(?:the\s+)?(?:main|key)\s+(?:points|takeaways|facts|ideas)|what(?:'s| is)\s+(?:this|the article|the story|it|this article|this story)\s+(?:about|saying)|what does (?:the|this) (?:article|story) (?:say|cover)|what happened\??$|(?:summari[sz]e|sum up) (?:the|this) (?:article|story))/

/** Phrases that only say what kind of answer is wanted: they are not looked for in the text. */
const TYPE_PATTERNS: [QuestionType, RegExp][] = [
  [
    'number',
    /^(?:about |roughly |approximately )?how (?:many|much|big|large|long|far|often|old|high|tall|fast|heavy|deep|wide|small)\b|^(?:by |in )?(?:what|which) (?:percentage|percent|proportion|share|number|amount|fraction|size|sum|rate|cost|price|population|figure)\b/,
  ],
  [
    'when',
    /^when\b|^(?:in |by |since |until |on |during )?(?:what|which) (?:year|years|date|day|month|time|century|centuries|decade|period|era|season|age)\b|^how long ago\b/,
  ],
  [
    'where',
    /^where\b|^(?:in |to |from |at |on |into )?(?:what|which) (?:country|countries|city|cities|place|places|region|regions|state|states|continent|location|area|river|island|town|nation|nations|part|site|border|capital|province|territory)\b/,
  ],
  ['why', /^why\b|^(?:for )?what (?:is |was |were |are )?(?:the )?(?:reason|reasons|cause|causes|motive|motives|purpose|goal|aim)\b|^how come\b/],
  [
    'quote',
    /^what (?:did|does|do|has|have|had) .{2,60}? (?:say|said|tell|told|call|called|argue|think|claim|state|explain|mean|believe|add|comment|write|warn|reveal|mention|announce|describe|express)\b|^how (?:did|does) .{2,60}? (?:describe|characteri[sz]e|explain)\b|^according to\b/,
  ],
  [
    'who',
    /^(?:who|whom|whose)\b|^(?:what|which) (?:person|people|man|woman|men|women|leader|leaders|official|officials|organization|organisation|group|company|agency|institution|ambassador|president|king|queen|duke|author|team|party|politician|body|family|dynasty|school|university|college)\b/,
  ],
  ['yesno', /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might)\b/],
]

/** Words a question uses to ask rather than to name what it asks about. */
const ASKING = new Set(
  `many much big large long far often old high tall fast happen happened happens mention mentioned
  article story tell told describe described call called kind type sort name named say think
  percentage percent number amount year date day time month reason cause purpose person people
  country countries city place location please know located situated`.split(/\s+/),
)

const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve'.split(' '))

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
  const stats = kb.perArticle.get(slug)
  if (!stats) return c.weight
  let df = 0
  for (const s of c.stems) df = Math.max(df, stats.df.get(s) ?? 0)
  return Math.log(1 + stats.count / Math.max(df, 0.5)) * (df > 0 ? 1 : c.unknownFactor)
}

const NAMED_UNKNOWN = 1.5

function concept(kb: KnowledgeBase, word: string, extra: string[] = [], named = false): Concept {
  const stems = new Set<string>([stem(word)])
  for (const w of extra) for (const x of words(w)) if (!STOP_WORDS.has(x)) stems.add(stem(x))
  for (const s of [...stems]) for (const r of relatedStems(kb, s)) stems.add(r)
  let df = 0
  for (const s of stems) df = Math.max(df, kb.df.get(s) ?? 0)
  const factor = unknownFactor(word, named)
  return { word, stems, weight: idf(kb, df) * (df > 0 ? 1 : factor), unknownFactor: factor, known: df > 0 }
}

/** A typo is a word neither the knowledge nor everyday English knows ("foriegn", "titel"). */
function spellingOf(kb: KnowledgeBase, w: string): string[] {
  if (STOP_WORDS.has(w) || isKnown(kb, w) || englishCount(w) >= 20) return [w]
  const fixed = correctSpelling(w, kb.vocabulary) ?? correctSpelling(w, STOP_WORD_MAP)
  if (fixed) return [fixed]
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

export function parseQuestion(kb: KnowledgeBase, raw: string): Question {
  // Two-letter acronyms ("US", "UN") only count when written in capitals: "us" is a pronoun.
  const capitals = new Set((raw.match(/\b\p{Lu}{2,}\b/gu) ?? []).map(fold))
  // Capitalised words after the first: names, as the asker wrote them.
  const named = new Set((raw.match(/(?<=\S\s+)\p{Lu}[\p{L}]*/gu) ?? []).map(fold))
  const folded = fold(raw)
    .replace(/[^\p{L}\p{N}%'\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (OVERVIEW.test(folded)) return { type: 'overview', defines: false, concepts: [], words: words(folded) }

  let type: QuestionType = 'what'
  let rest = folded
  for (const [t, re] of TYPE_PATTERNS) {
    const m = folded.match(re)
    if (m) {
      type = t
      if (t !== 'quote' && t !== 'yesno') rest = folded.slice(m[0].length)
      break
    }
  }
  const defines = (type === 'who' || type === 'what') && DEFINES.test(folded)

  const ws = joinCompounds(
    kb,
    words(rest).flatMap((w) => spellingOf(kb, w)),
  )
  const concepts: Concept[] = []
  for (let i = 0; i < ws.length; ) {
    // The longest alias starting here ("foreign minister", "amlo") becomes one concept.
    let matched = 0
    for (let n = Math.min(5, ws.length - i); n >= 1 && !matched; n--) {
      const phrase = ws.slice(i, i + n).join(' ')
      const meanings = kb.aliases.get(phrase)
      if (meanings && (n > 1 || capitals.has(phrase) || (phrase.length > 2 && !STOP_WORDS.has(phrase)))) {
        concepts.push(concept(kb, phrase.replace(/ /g, '-'), [phrase, ...meanings]))
        matched = n
      }
    }
    if (matched) {
      i += matched
      continue
    }
    const w = ws[i++]
    if (STOP_WORDS.has(w) || ASKING.has(w) || w.length < 2) continue
    // "Which three countries…" counts the answers; the number is not in the text.
    if (NUMBER_WORDS.has(w) && !kb.df.has(w)) continue
    if (concepts.some((c) => c.word === w)) continue
    concepts.push(concept(kb, w, [], named.has(w)))
  }
  return { type, defines, concepts, words: ws }
}
