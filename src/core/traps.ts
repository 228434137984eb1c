import { lemmaWithOpposites, oppositesOf } from './antonyms.js'
import { englishCount, isCommonWord } from './english.js'
import { type KnowledgeBase, neighboursOf } from './knowledge-base.js'
import { isNegatedFolded } from './negation.js'
import { fold, STOP_WORDS, stem, words } from './normalize.js'
import { numbersIn } from './numbers.js'
import type { Concept, Question } from './question.js'

/**
 * Questions written to look answerable: close to what the article says, yet not answered by the
 * sentence that matches them best. Each trap is a reason to say "the article does not say" instead
 * of quoting a sentence that does not answer. The signals are general (no article's words): a name
 * the article never uses, a name or number the chosen sentence is not about, a "not" on one side
 * only, a word swapped for its opposite, a person asked about who does not speak in the sentence.
 */
export type Trap =
  /** The question names something the knowledge never mentions. */
  | { kind: 'unknown-name'; word: string }
  /** A name the article uses elsewhere, but not in the chosen sentence or around it. */
  | { kind: 'absent-name'; word: string }
  /** A number the question gives that the sentence does not. */
  | { kind: 'number'; word: string }
  /** The question asks what did not happen and the sentence says what did, or the other way round. */
  | { kind: 'negation'; askedNegated: boolean }
  /** The sentence holds the opposite of a question word instead of the word. */
  | { kind: 'opposite'; asked: string; found: string }
  /** A specific word of the question that the article never uses: it is about something else. */
  | { kind: 'unknown-word'; word: string }
  /** "How many troops": the sentence's number counts something else. */
  | { kind: 'uncounted'; word: string }
  /** The question asks for a number, a date or a name, and the sentence has none to give. */
  | { kind: 'misfit'; wants: 'number' | 'when' | 'who' }
  /** "What did X say": X does not speak in the sentence. */
  | { kind: 'not-said'; word: string }

/** Which checks run: all by default; tests and measurements switch them one by one. */
/**
 * Measured on all the shared question sets together (README, "Quality"):
 * - a name counts as absent only when the article uses it in at most `nameMaxFacts` sentences: a
 *   name it uses everywhere is what a whole part of it is about, and its absence says little;
 * - it must be absent from the sentence and the one before it in the paragraph;
 * - a question word that everyday English does not know (SUBTLEX count below `unknownWordMax`) and
 *   the article never uses is asked about something else.
 */
export const TRAP_TUNING = { nameMaxFacts: 8, unknownWordMax: 1 }
export const TRAPS = {
  counted: true,
  misfitNumber: true,
  misfitWhen: true,
  misfitWho: true,
  unknownWord: false,
  unknownName: true,
  absentName: true,
  number: true,
  negation: true,
  opposite: true,
  notSaid: true,
}

function has(c: Concept, set: Set<string>): boolean {
  for (const s of c.stems) if (set.has(s)) return true
  return false
}

/**
 * Words an article writes as proper names: capitalised wherever they stand inside a sentence, never
 * in lower case ("Colombia", "Bárcena"; not "War", which is also "war"). Worked out once per article.
 */
const properOf = new WeakMap<KnowledgeBase, Map<string, Set<string>>>()
function properWords(kb: KnowledgeBase, slug: string): Set<string> {
  let bySlug = properOf.get(kb)
  if (!bySlug) {
    bySlug = new Map()
    properOf.set(kb, bySlug)
  }
  let set = bySlug.get(slug)
  if (set) return set
  const capital = new Set<string>()
  const lower = new Set<string>()
  const initial = new Set<string>()
  const range = kb.factRanges.get(slug)
  if (range) {
    for (let id = range.start; id < range.end; id++) {
      // The first word of a sentence, or after a colon or quotation mark, is capitalised anyway.
      const first = kb.facts[id].text.match(/^["“(]?(\p{Lu}[\p{L}]+)/u)
      if (first) initial.add(fold(first[1]))
      for (const m of kb.facts[id].text.matchAll(/(?<=[\p{L}\p{N},;)]\s+)[\p{L}]+/gu)) {
        const w = fold(m[0])
        if (/^\p{Lu}/u.test(m[0])) capital.add(w)
        else lower.add(w)
      }
    }
  }
  // Kept as stems, so "Haiti" asked meets "Haitians" written.
  // A word only ever seen opening a sentence is a name when it is no everyday word ("Gullholm has…").
  const opening = [...initial].filter((w) => !capital.has(w) && !lower.has(w) && englishCount(w) === 0)
  set = new Set(
    [...capital]
      .filter((w) => !lower.has(w))
      .concat(opening)
      .map(stem),
  )
  bySlug.set(slug, set)
  return set
}

/**
 * Does the article name `c` in a sentence that shares another (non-name) idea of the question?
 * Then the article itself brings the name and the topic together ("migration from Central
 * America"), and a sentence on the topic that does not repeat the name may still answer
 * ("flights … to Guatemala, Honduras, and El Salvador"). A name the article only uses elsewhere,
 * on other topics, is what a trap question swaps in.
 */
function pairedElsewhere(kb: KnowledgeBase, q: Question, c: Concept, slug: string, proper: Set<string>): boolean {
  const range = kb.factRanges.get(slug)
  if (!range) return false
  const others = q.concepts.filter((o) => o !== c && o.known && !has(o, proper))
  for (let id = range.start; id < range.end; id++) {
    const own = kb.profiles[id].own
    if (has(c, own) && others.some((o) => has(o, own))) return true
  }
  return false
}

/** What the checks read of a sentence, worked out once per sentence asked about (bounded). */
type Reading = { words: string[]; joined: string; negated: boolean; numbers?: Set<string>; opposites?: Map<string, string> }
const readings = new WeakMap<KnowledgeBase, Map<string, Reading>>()
function reading(kb: KnowledgeBase, text: string): Reading {
  let map = readings.get(kb)
  if (!map) {
    map = new Map()
    readings.set(kb, map)
  }
  let r = map.get(text)
  if (!r) {
    if (map.size >= 20_000) map.clear()
    const folded = fold(text)
    r = { words: words(text), joined: folded.replace(/[\s'’-]+/g, ''), negated: isNegatedFolded(folded) }
    map.set(text, r)
  }
  return r
}

/** The sentence's words that have opposites, by lemma. */
function oppositesReading(kb: KnowledgeBase, text: string): Map<string, string> {
  const r = reading(kb, text)
  if (!r.opposites) {
    r.opposites = new Map()
    for (const w of r.words) {
      const lemma = lemmaWithOpposites(w)
      if (lemma) r.opposites.set(lemma, w)
    }
  }
  return r.opposites
}

function numbersOf(kb: KnowledgeBase, text: string): Set<string> {
  const r = reading(kb, text)
  r.numbers ??= numbersIn(text)
  return r.numbers
}

const titleStemsCache = new WeakMap<KnowledgeBase, Map<string, Set<string>>>()
function titleStemsOf(kb: KnowledgeBase, slug: string): Set<string> {
  let map = titleStemsCache.get(kb)
  if (!map) {
    map = new Map()
    titleStemsCache.set(kb, map)
  }
  let set = map.get(slug)
  if (!set) {
    set = new Set(words(kb.articles.get(slug)?.title ?? '').map(stem))
    map.set(slug, set)
  }
  return set
}

/** A name is mentioned when a word starts as it does: "Aristotle" in "Aristotelian", "Israel" in "Israelis". */
function mentions(kb: KnowledgeBase, c: Concept, text: string, stems: Set<string>): boolean {
  if (has(c, stems)) return true
  const r = reading(kb, text)
  // "leboeuf" asked, "Le Boeuf" written; "ilkhanate" and "Il-khanate".
  if (c.word.length >= 5 && r.joined.includes(c.word.replace(/-/g, ''))) return true
  if (c.word.includes('-')) return false
  const prefix = c.word.slice(0, Math.max(5, c.word.length - 2))
  if (prefix.length > c.word.length) return false
  for (const w of r.words) if (w.startsWith(prefix) || (w.length >= 5 && c.word.startsWith(w))) return true
  // A people and its country often share their first letters: "Britain" / "British", "China" / "Chinese".
  if (c.word.length >= 4) for (const m of text.matchAll(/\p{Lu}\p{L}{3,}/gu)) if (fold(m[0]).startsWith(c.word.slice(0, 4))) return true
  return false
}

/** The question word as the asker wrote it, for the reply ("Colombia", not "colombia"). */
export function asWritten(raw: string, word: string): string {
  const want = word.split('-')
  const tokens = [...raw.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0])
  for (let i = 0; i + want.length <= tokens.length; i++) {
    if (want.every((w, j) => fold(tokens[i + j]) === w)) return tokens.slice(i, i + want.length).join(' ')
  }
  return word
}

/** The whole name a question word belongs to, as written ("Kamala Harris" for "kamala"). */
export function nameAsWritten(raw: string, word: string): string {
  const tokens = [...raw.matchAll(/[\p{L}\p{N}'’.-]+/gu)].map((m) => m[0].replace(/[.'’]+$/, ''))
  const capital = (i: number) => i > 0 && /^\p{Lu}/u.test(tokens[i] ?? '')
  const at = tokens.findIndex((t) => fold(t) === word.split('-')[0])
  if (at < 0 || !capital(at)) return asWritten(raw, word)
  let start = at
  let end = at
  while (capital(start - 1)) start--
  while (capital(end + 1)) end++
  return tokens.slice(start, end + 1).join(' ')
}

/**
 * What a "how many" question counts (the words of the phrase after it: "how many migrant
 * crossings were…"), or the measure of "how much does X cost". The sentence must name one of them.
 */
function countedConcepts(q: Question): Concept[] {
  const folded = q.folded
  const many = folded.match(
    /^how many\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?:\s+(?:are|were|is|was|did|do|does|have|has|had|will|would|can|could|in|of|at|on|for|to|per|a|an|the)\b|\W*$)/u,
  )
  if (many) {
    const phrase = many[1].split(/\s+/)
    return q.concepts.filter((c) => c.word.split('-').some((w) => phrase.includes(w)))
  }
  const much = folded.match(/^how much\s+(?:do|does|did|will|would)\s.*?\b([\p{L}]+)\W*$/u)
  return much ? q.concepts.filter((c) => c.word === much[1]) : []
}

/**
 * Is an unknown word likely a typo of a word the article uses ("Rhou" for "Rou", "Lor" for "Lord",
 * "seperating") rather than something it does not mention? Looked at only when a trap would fire.
 */
function misspelt(kb: KnowledgeBase, word: string): boolean {
  if (word.includes('-') || word.length < 3) return word.length < 3
  const edits = word.length < 9 ? 1 : 2
  for (const [w] of kb.vocabulary.fuzzyGet(word, edits)) if (w.length >= 3 && w[0] === word[0]) return true
  // A shortened word: "Sept" for "September", "Lor" for "Lord".
  if (word.length <= 4) for (const [w] of kb.vocabulary.atPrefix(word)) if (w.length > word.length && w.length <= word.length + 6) return true
  return false
}

const PRONOUN = /\b(?:he|she|his|her|him|they|their|its)\b/i

const MAY_HAVE_NUMBER =
  /\d|\b[IVX]{2,}\b|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|thirtieth|fortieth|fiftieth|hundredth|thousandth)\b/i

/** "Which three …", "name two …": a count of the answers, not a number to find in the text. */
const COUNT_OF_ANSWERS = /\b(?:what|which|name|list|give|the|are|were|on)\s+(?:[2-9]|two|three|four|five|six|seven|eight|nine|ten)\b|\b(?:one|first|second)\b/g

/** "What did Xochitl Galvez say…": a name, as written, asked for what it said. */
const SAYER =
  /^(?:[Ww]hat|[Hh]ow)\s+(?:did|does|do|has|have|had)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’.-]*\s+){1,4})(?:say|said|tell|told|think|thought|claim|claimed|state|stated|argue|argued|describe|described|write|wrote|announce|announced|explain|explained|believe|believed)\b/u

/** The first trap the chosen fact falls into, or undefined when it answers as far as can be told. */
export function findTrap(kb: KnowledgeBase, q: Question, id: number): Trap | undefined {
  const fact = kb.facts[id]
  const profile = kb.profiles[id]
  const near = neighboursOf(kb, id)
  // The sentence and the one before it (where "he" or "the fort" was named); not the one after,
  // which is often the article moving on to the next case ("…to Guatemala. It may add Colombia.").
  // Worked out only when a name needs looking for.
  let scope: number[] | undefined
  const scopeOf = (): number[] => {
    if (scope) return scope
    scope = [id, ...near.filter((n) => n < id)]
    // "He was then ordered…": a pronoun's person may have been named a sentence or two earlier.
    if (PRONOUN.test(fact.text)) {
      for (let k = id - 1; k >= id - 2 && k >= 0 && kb.facts[k].article === fact.article && kb.facts[k].section === fact.section; k--) scope.push(k)
    }
    return scope
  }
  const stats = kb.perArticle.get(fact.article)
  const title = kb.articles.get(fact.article)?.title ?? ''
  const titleStems = titleStemsOf(kb, fact.article)
  const proper = properWords(kb, fact.article)

  // A word English does not know is a sign only in an English question ("¿Quién es…?" is not).
  const english = q.words.some((w) => STOP_WORDS.has(w))
  for (const c of q.concepts) {
    if (TRAPS.unknownName && c.named && !c.known && !misspelt(kb, c.word)) return { kind: 'unknown-name', word: c.word }
    if (
      TRAPS.unknownWord &&
      english &&
      !c.known &&
      !c.named &&
      !/\d/.test(c.word) &&
      englishCount(c.word) < TRAP_TUNING.unknownWordMax &&
      !misspelt(kb, c.word)
    )
      return { kind: 'unknown-word', word: c.word }
    // Only what the article itself writes as a name: "War" in a title-case question may be "war".
    // Two letters ("Jr", "St") are abbreviations more often than names.
    const isName = c.known && has(c, proper) && !c.word.split('-').some(isCommonWord) && c.word.length > 2
    if (!isName || !TRAPS.absentName) continue
    // A name in the title is what the whole article is about: every sentence is about it.
    if (mentions(kb, c, title, titleStems)) continue
    let df = 0
    for (const st of c.stems) df = Math.max(df, stats?.df.get(st) ?? 0)
    if (df > TRAP_TUNING.nameMaxFacts) continue
    if (!scopeOf().some((f) => mentions(kb, c, kb.facts[f].text, kb.profiles[f].own) || has(c, kb.profiles[f].speaker))) {
      if (pairedElsewhere(kb, q, c, fact.article, proper)) continue
      return { kind: 'absent-name', word: c.word }
    }
  }

  // Most questions give no number: a cheap look first.
  if (TRAPS.number && MAY_HAVE_NUMBER.test(q.raw)) {
    const question = ` ${q.folded} `.replace(COUNT_OF_ANSWERS, ' ')
    // "In the 1970s" is met by any year of the decade.
    const decades = [...question.matchAll(/\b(\d{3})0'?s\b/g)].map((m) => Number(m[1]))
    const asked = numbersIn(question.replace(/\b\d{3}0'?s\b/g, ' '))
    if (asked.size || decades.length) {
      const given = new Set<string>()
      for (const f of [id, ...near]) for (const n of numbersOf(kb, kb.facts[f].text)) given.add(n)
      for (const n of asked) if (!given.has(n)) return { kind: 'number', word: n }
      for (const d of decades) if (![...given].some((n) => Math.floor(Number(n) / 10) === d)) return { kind: 'number', word: `${d}0s` }
    }
  }

  if (TRAPS.misfitNumber && q.type === 'number' && !profile.number) return { kind: 'misfit', wants: 'number' }
  // "How many troops…", "how much does X cost": what is counted must be what the sentence counts.
  const counted = TRAPS.counted && q.type === 'number' ? countedConcepts(q) : []
  if (counted.length && !counted.some((c) => [id, ...near].some((f) => has(c, kb.profiles[f].own)))) return { kind: 'uncounted', word: counted[0].word }
  if (TRAPS.misfitWhen && q.type === 'when' && !profile.time) return { kind: 'misfit', wants: 'when' }
  // "Who is the spokesperson…" wants a name as much as "Who said…" does; "Who is Ned Price?" does not.
  const asksForName = q.type === 'who' && (!q.defines || !q.concepts.some((c) => c.named || has(c, proper)))
  if (TRAPS.misfitWho && asksForName && ![...profile.names].some((n) => !q.words.includes(n))) return { kind: 'misfit', wants: 'who' }

  if (TRAPS.negation && q.negated && !reading(kb, fact.text).negated) return { kind: 'negation', askedNegated: true }

  if (TRAPS.opposite) {
    const said = oppositesReading(kb, fact.text)
    if (said.size) {
      const asked = new Map<string, string>()
      for (const w of q.words) {
        const lemma = lemmaWithOpposites(w)
        if (lemma) asked.set(lemma, w)
      }
      for (const [lemma, w] of asked) {
        if (said.has(lemma)) continue
        for (const o of oppositesOf(w)) if (said.has(o) && !asked.has(o)) return { kind: 'opposite', asked: w, found: said.get(o) as string }
      }
    }
  }

  if (TRAPS.notSaid) {
    // "What did Vicente Fox say?" answered by a sentence in which nobody speaks. A sentence that
    // quotes someone is given the benefit: who "he" is in "he wrote: …" is not always known.
    const sayer = q.raw.match(SAYER)?.[1]
    const quotes = fact.kind === 'quote' || !!fact.speaker
    if (sayer && !quotes) {
      const asked = words(sayer).map(stem)
      const speakers = [profile.speaker, ...near.map((n) => kb.profiles[n].speaker)]
      if (!asked.some((w) => speakers.some((set) => set.has(w)))) return { kind: 'not-said', word: words(sayer).join('-') }
    }
  }
  return undefined
}
