import { isNameWord, TITLE_WORDS } from '../names.js'
import { STOP_WORDS } from '../normalize.js'
import type { Fact } from '../types.js'

/**
 * Where a sentence names someone or something, and what the words around the name say about it.
 * English only, and general: word lists here are of the language (titles, words for roles, words
 * that make a name an organization's), never of any article.
 */

/** Words that make a capitalised name an organization's: "Migration Policy Institute", "State Department". */
const ORG_WORDS = new Set(
  `Institute Institution Office Agency Department Ministry Court Guard Council Commission Committee
  Corporation Company Companies Inc Ltd LLC University College School Academy Party Army Navy Marines
  Force Forces Police Bank Fund Organization Organisation Association Union Senate Congress Parliament
  Assembly Legislature House Administration Nations Foundation Center Centre Bureau Authority Board
  Church Society League Federation Laboratory Laboratories Museum Corps Cabinet Government Group Times
  Post Journal News Press Service Services Trust Club Tribunal Directorate Secretariat Alliance
  Coalition Reserve Exchange Airlines Gazette Herald Tribune Broadcasting Network Studios Enterprises
  Motors Industries Holdings Technologies Systems Laboratories Labs Partners Pictures Records Airways
  Railways Railroad`.split(/\s+/),
)

/** Nouns for what a person is or does: "the president of …", "computer scientist Paul Baran". */
export const ROLE_NOUNS = new Set(
  `president leader secretary minister advisor adviser ambassador director chief head spokesperson
  spokesman spokeswoman official governor senator mayor king queen emperor empress prince princess duke
  duchess bishop archbishop pope cardinal founder co-founder cofounder professor scientist physicist
  chemist biologist mathematician philosopher engineer economist historian author writer journalist
  reporter editor analyst researcher expert lawyer attorney judge justice general commander officer
  chairman chairwoman chair member candidate activist politician diplomat son daughter wife husband
  father mother brother sister uncle nephew benefactor student teacher inventor explorer poet artist
  composer manager executive ceo owner emir sultan khan chancellor successor predecessor colonel captain
  lieutenant admiral monk priest pastor theologian reformer ruler commissioner representative deputy
  aide fellow scholar coordinator negotiator envoy consul counsel prosecutor lawmaker legislator
  congressman congresswoman spokesperson strategist architect designer physician doctor surgeon
  astronomer geologist psychologist sociologist economist statesman general marshal warlord chieftain
  lord lady baron count countess heir nominee commentator founder-director cofounder councillor councilor
  councilman councilwoman alderman sheriff`.split(/\s+/),
)

/** Titles that describe without being a role: a nationality or "former" alone does not make a person. */
const NOT_TITLES = new Set(['us', 'u.s.', 'mexican', 'american', 'foreign', 'state', 'former'])

const JOINER = /^(?:of|on|for|the|and|de|del|la|da|van|von|al|y)$/i
const POSSESSIVE = /['’]s?$/
const ROMAN = /^[IVXLCDM]+$/
/** Days and months are capitalised but name no one: "Washington on Friday" is two things. */
const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/

export type Mention = {
  fact: Fact
  /** The name as written, sentence words in front trimmed: "Mexican Foreign Secretary Alicia Bárcena". */
  run: string
  /** Where `run` starts in the sentence. */
  index: number
  /** The name without titles: "Alicia Bárcena". */
  name: string
  /** The titles in front of it, as written ("Mexican Foreign Secretary"), '' when none. */
  title: string
  org: boolean
  acronym: boolean
  /** Evidence that a person is meant: a title, a role, a middle initial, a caption's "left". */
  person: boolean
  /** The role the sentence gives, in its words, and how it was found. */
  role?: { text: string; how: 'apposition' | 'before' | 'title' | 'affiliation' }
}

/** A title after a name that is no nationality starts a new name: "United States Lord Cromer". */
const startsTitle = (word: string, previous: string | undefined) =>
  !!previous &&
  TITLE_WORDS.has(word.toLowerCase()) &&
  !TITLE_WORDS.has(previous.toLowerCase()) &&
  !JOINER.test(previous) &&
  !/(?:an|ish|ese|ic|i)$/.test(previous)

/** A name run cut where a possessive ends it ("Mexico's Crackdown"), at "and" between names, and before a title. */
function segments(run: string): string[][] {
  const out: string[][] = []
  let current: string[] = []
  for (const word of run.split(/\s+/)) {
    // An organization's name may hold a title ("United Nations High Commissioner for Refugees").
    if (startsTitle(word, current.at(-1)) && !current.some((w) => ORG_WORDS.has(w))) {
      out.push(current)
      current = []
    }
    if (/^and$/i.test(word) || CALENDAR.test(word)) {
      if (current.length) out.push(current)
      current = []
      continue
    }
    if (POSSESSIVE.test(word) && word.length > 2) {
      current.push(word.replace(POSSESSIVE, ''))
      out.push(current)
      current = []
      continue
    }
    current.push(word)
  }
  if (current.length) out.push(current)
  return out
}

/** "the president of the nonpartisan Migration Policy Institute" from ", the president of …, who …". */
function apposition(after: string): string | undefined {
  const m = after.match(/^,\s+([^,;:.()"“”?!]{3,140})/u)
  if (!m) return undefined
  let phrase = m[1].split(/\s+(?:who|which|that|whose|whom)\s/)[0].trim()
  const det = phrase.match(/^(?:the|a|an)\s+/i)
  if (det) phrase = phrase.slice(det[0].length)
  const ws = phrase.split(/\s+/)
  // ", from the declaration of war…", ", including…", ", whose…": not a description of the name.
  if (!det && (STOP_WORDS.has(ws[0].toLowerCase()) || /^(?:including|such|like|where|was|is)$/i.test(ws[0])) && !/^(?:his|her|their)$/i.test(ws[0]))
    return undefined
  // Without "the"/"a" a role is written in lower case: "Mexican Foreign Secretary Alicia…" is a name.
  const roleAt = ws.slice(0, 6).findIndex((w) => ROLE_NOUNS.has((det ? w.toLowerCase() : w).replace(/['’]s$/, '')))
  if (roleAt < 0) return undefined
  // "E. O. Wilson, cognitive scientist Steven Pinker, …": a list of people, not a description.
  if (/^\p{Lu}/u.test(ws[roleAt + 1] ?? '')) return undefined
  // Without "the"/"a" the phrase must start with the role or words describing it ("leader of …").
  if (!det && !/^(?:his|her|their|its)$/i.test(ws[0]) && roleAt > 2) return undefined
  return phrase
}

/** "Mexican leader" in "Mexican leader Vicente Fox", "American computer scientist" before "Paul Baran". */
function roleBefore(before: string): string | undefined {
  // The role stands in the last few words: the rest of the sentence need not be split.
  const trimmed = before.slice(-80).trimEnd()
  if (!/\s$/.test(before)) return undefined
  const ws = trimmed.split(/\s+/)
  const last = ws.at(-1) ?? ''
  if (!ROLE_NOUNS.has(last)) return undefined
  const out = [last]
  // Words describing the role ("American computer scientist", "his son", "Edgar's sister"); a verb
  // ("married", "including") or a small word ends it.
  for (let i = ws.length - 2; i >= 0 && out.length < 4; i--) {
    const w = ws[i]
    if (/^(?:his|her|their)$/i.test(w)) {
      out.unshift(w)
      break
    }
    if (/[,.;:!?)"”(]$/.test(w) || STOP_WORDS.has(w.toLowerCase()) || /^\p{Ll}.*(?:ed|ing)$/u.test(w) || /^(?:including|like|poet)$/.test(w)) break
    out.unshift(w)
  }
  return out.join(' ')
}

function affiliation(after: string): string | undefined {
  const m = after.match(/^\s+((?:from|of|at|with)\s+the\s+(?:\p{Lu}[\p{L}'’-]*\s*(?:(?:of|on|for|the|and)\s+)*)+)/u)
  if (!m) return undefined
  const phrase = m[1].trim()
  return phrase.split(/\s+/).some((w) => ORG_WORDS.has(w)) ? phrase : undefined
}

const CAPITAL = /^(?:\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}\.)/u
const INITIAL = /^\p{Lu}\.$/u
const OPENERS = new Set(['(', '"', '“', '‘', "'", '['])

/**
 * Runs of capitalised words with the small words inside names ("Office on Latin America"), as
 * NAME_RUN finds them, but in one pass over the words: the views read every sentence of an
 * article, and a regular expression tried at every character costs several times more.
 */
export function nameRuns(text: string): { run: string; index: number }[] {
  const out: { run: string; index: number }[] = []
  let words: string[] = []
  let start = 0
  let pending: string[] = []
  const flush = () => {
    if (words.length) out.push({ run: words.join(' '), index: start })
    words = []
    pending = []
  }
  for (const token of text.matchAll(/\S+/g)) {
    const lead = OPENERS.has(token[0][0]) ? (token[0].match(/^[("“‘'[]+/)?.[0].length ?? 0) : 0
    const word = token[0].slice(lead)
    // Most words are in lower case: one character tells, before any regular expression runs.
    const upper = word.length > 0 && word[0] !== word[0].toLowerCase()
    const cap = !upper ? undefined : INITIAL.test(word) ? word : word.match(CAPITAL)?.[0]
    if (cap && !(lead && words.length)) {
      if (!words.length) start = (token.index ?? 0) + lead
      words.push(...pending, cap)
      pending = []
      // Punctuation after the word, or a word that goes on past its letters ("Halden-7"), ends the run.
      if (cap.length < word.length) flush()
      continue
    }
    if (words.length && JOINER.test(word)) {
      pending.push(word)
      continue
    }
    flush()
    if (cap) {
      start = (token.index ?? 0) + lead
      words.push(cap)
      if (cap.length < word.length) flush()
    }
  }
  flush()
  return out
}

/** Every name a sentence gives, with what its neighbours say about it. */
export function mentionsIn(fact: Fact): Mention[] {
  const text = fact.text
  const out: Mention[] = []
  for (const m of nameRuns(text)) {
    let offset = m.index
    for (const seg of segments(m.run)) {
      const segStart = text.indexOf(seg[0], offset)
      offset = segStart + seg.join(' ').length
      let i = 0
      while (i < seg.length && (!isNameWord(seg[i]) || JOINER.test(seg[i]))) i++
      let j = seg.length
      while (j > i && JOINER.test(seg[j - 1])) j--
      const words = seg.slice(i, j)
      if (!words.length || words.length > 8) continue
      const run = words.join(' ')
      const index = text.indexOf(run, segStart)
      if (index < 0) continue
      const mention = describe(fact, words, run, index)
      if (mention) out.push(mention)
    }
  }
  return out
}

function describe(fact: Fact, words: string[], run: string, index: number): Mention | undefined {
  const text = fact.text
  const org = words.some((w) => ORG_WORDS.has(w))
  // A bare acronym is an organization only where it is told or says something ("informed CNN"),
  // or where the text spells it out (who.ts merges it with the name then); "PSPACE" is neither.
  const acronym = words.length === 1 && /^\p{Lu}{3,8}$/u.test(run) && !ROMAN.test(run)
  const reporting =
    acronym &&
    (/\b(?:informed|told|notified|interview with|according to)\s+$/.test(text.slice(0, index)) ||
      /^\s+(?:said|says|reported|reports|announced|stated)\b/.test(text.slice(index + run.length)))
  let t = 0
  // "US Secretary of State Antony Blinken": small words between titles belong to the title.
  const isTitle = (w: string) => TITLE_WORDS.has(w.toLowerCase()) || ROLE_NOUNS.has(w.toLowerCase()) || ROLE_NOUNS.has(w.toLowerCase().replace(/s$/, ''))
  // "British Prime Minister Edward Heath": a nationality before a title belongs to the title.
  const nationality = (i: number) => /(?:an|ish|ese|ic|i)$/.test(words[i]) && i + 1 < words.length - 1 && isTitle(words[i + 1])
  while (!org && t < words.length - 1 && (isTitle(words[t]) || nationality(t) || (t > 0 && JOINER.test(words[t])))) t++
  const name = words.slice(t).join(' ')
  if (!org && !acronym && words.length - t > 5) return undefined
  // "King of France", "Duke of Savoy": a title of a place, not a person's name.
  if (t > 0 && JOINER.test(words[t - 1])) return undefined
  const title = words.slice(0, t).join(' ')
  const before = text.slice(0, index)
  const after = text.slice(index + run.length)
  const realTitle = words.slice(0, t).some((w) => !NOT_TITLES.has(w.toLowerCase()))
  const leading = before.match(/\b(former|then|late|acting|interim)\s+$/i)?.[1]
  let role: Mention['role']
  const appos = org ? undefined : apposition(after)
  const prior = org ? undefined : roleBefore(before)
  if (appos) role = { text: appos, how: 'apposition' }
  else if (prior) role = { text: prior, how: 'before' }
  else if (realTitle) role = { text: leading ? `${leading} ${title}` : title, how: 'title' }
  else if (!org) {
    const aff = affiliation(after)
    if (aff) role = { text: aff, how: 'affiliation' }
  }
  const initial = /\s\p{Lu}\.\s/u.test(` ${name} `) && name.split(/\s+/).length >= 3
  // A caption's "X, left, and Y": both are people in the photo.
  const inPhoto =
    fact.kind === 'caption' && (/^,?\s+\(?(?:left|right|centre|center|top|bottom)\b/.test(after) || /\b(?:left|right|centre|center),?\s+and\s+$/.test(before))
  // "In 2001, George W. Bush, during his first trip…": the subject of the sentence, taken up by his/her.
  const subject = name.includes(' ') && /^(?:[^,]{0,30},\s*)?$/.test(before) && /^[^.;]{0,60}\b(?:his|her|he|she|him)\b/i.test(after)
  const person = !org && !acronym && (!!role || initial || inPhoto || subject)
  return { fact, run, index, name: org ? run : name, title, org: org || reporting, acronym, person, ...(role ? { role } : {}) }
}
