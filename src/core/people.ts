import { englishCount } from './english.js'
import { NOT_A_PERSON } from './follow-ups.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { findNames } from './names.js'
import { fold, stem, words } from './normalize.js'
import { perArticleOf } from './per-article.js'
import { properWords } from './sentence-readings.js'
import { typedLowercase } from './typed-names.js'

/**
 * The people an article names, for reading "he" and "she" in a conversation: everyone quoted (a
 * fact's speaker) and everyone given a role ("Andrew Selee, the president of …"). Worked out per
 * article on first use and remembered with the knowledge base, so a large archive pays only for
 * the articles conversations touch.
 */
export type Person = {
  /** As the article writes it: "Alicia Bárcena". */
  name: string
  /** Folded words of the name: ["alicia", "barcena"]. */
  words: string[]
  /** Quoted in the article: a "what did she say?" can be answered. */
  quoted: boolean
  /** "he" or "she", when the article refers to them so ("…," she stated; "In his last report he wrote"). */
  pronoun?: 'he' | 'she'
  /** The surname as the article writes it ("Bárcena", "López Obrador"), when it is no everyday word (not "Price"). */
  surname?: string
  /** The article writes the last word only as a name ("Price", never "price"): a chat's "price" may mean them. */
  properLast?: true
}

/** A lone word given a role is a person only when everyday English hardly uses it ("Biden", not "Mexican"). */
const LONE_NAME_MAX_COUNT = 20
/** A surname stands for its person alone when it is no everyday word ("Bárcena", "Quill"; not "Price"). */
const SURNAME_MAX_COUNT = 100

export const peopleOf: (kb: KnowledgeBase, slug: string) => Person[] = perArticleOf((kb, slug) => collect(kb, slug))

function collect(kb: KnowledgeBase, slug: string): Person[] {
  const byKey = new Map<string, Person>()
  const proper = properWords(kb, slug)
  const add = (written: string, quoted: boolean) => {
    // "Miliband's plan": the person is "Miliband".
    const name = written.replace(/['’]s$/, '')
    const ws = words(name)
    if (!ws.length || NOT_A_PERSON.has(ws[ws.length - 1])) return
    // One word given a role is often not a person ("US officials", "Mexican leader"): only a rare word is.
    if (!quoted && ws.length === 1 && (/^\p{Lu}+$/u.test(name) || englishCount(ws[0]) > LONE_NAME_MAX_COUNT)) return
    const key = ws.join(' ')
    const known = byKey.get(key)
    if (known) known.quoted ||= quoted
    else {
      // "Andrés Manuel López Obrador" goes by "López Obrador": a long name keeps its last two words (not an initial).
      const parts = name.split(/\s+/)
      const last = parts.length > 2 && !parts[parts.length - 2].endsWith('.') ? parts.slice(-2).join(' ') : (parts.at(-1) ?? name)
      // "Richard II of Normandy", "William the Conqueror": no surname, the whole name it is.
      const joined = parts.some((w) => !/^\p{Lu}/u.test(w))
      const distinct = !joined && englishCount(ws[ws.length - 1]) <= SURNAME_MAX_COUNT
      const properLast = proper.has(stem(ws[ws.length - 1]))
      byKey.set(key, { name, words: ws, quoted, ...(distinct ? { surname: last } : {}), ...(properLast ? { properLast } : {}) })
    }
  }
  const range = kb.factRanges.get(slug)
  if (!range) return []
  for (let id = range.start; id < range.end; id++) {
    const f = kb.facts[id]
    if (f.speaker) add(f.speaker, true)
    const roles = kb.profile(id).roles
    if (!roles.size) continue
    for (const { name } of findNames(f.text)) if (words(name).every((w) => roles.has(w))) add(name, false)
  }
  // "Meyer" alone is the same person as "Maureen Meyer": the longer name stands for both.
  const all = [...byKey.values()]
  const people = all.filter((p) => !all.some((o) => o !== p && o.words.length > p.words.length && endsWith(o.words, p.words)))
  findPronouns(kb, range, people)
  return people
}

const HE = new Set(['he', 'him', 'his', 'himself'])
const SHE = new Set(['she', 'her', 'hers', 'herself'])

/** The pronoun a "he" or "she" of a question must agree with, or undefined for any other word. */
export function pronounOf(word: string): 'he' | 'she' | undefined {
  const w = word.toLowerCase()
  return HE.has(w) ? 'he' : SHE.has(w) ? 'she' : undefined
}

/**
 * How the article refers to each person, from the sentences about one person alone (a quotation
 * they are the speaker of, or a sentence naming only them) and the next sentence of the paragraph
 * when it opens with a pronoun. A person the article never refers to so, or both ways, gets none.
 */
function findPronouns(kb: KnowledgeBase, range: { start: number; end: number }, people: Person[]): void {
  const votes = new Map<Person, { he: number; she: number }>()
  const vote = (p: Person, text: string) => {
    const v = votes.get(p) ?? { he: 0, she: 0 }
    votes.set(p, v)
    for (const w of words(text)) {
      if (HE.has(w)) v.he++
      else if (SHE.has(w)) v.she++
    }
  }
  for (let id = range.start; id < range.end; id++) {
    const f = kb.facts[id]
    const named = peopleIn(f.text, people)
    const subject = f.speaker ? peopleIn(f.speaker, people)[0] : named.length === 1 ? named[0] : undefined
    if (!subject || named.some((p) => p !== subject)) continue
    vote(subject, f.text)
    const next = kb.facts[id + 1]
    if (next && next.paragraph === f.paragraph && /^(?:He|She|His|Her)\b/.test(next.text)) vote(subject, next.text.split(/\s+/)[0])
  }
  for (const [p, v] of votes) if (v.he > 0 !== v.she > 0) p.pronoun = v.he > 0 ? 'he' : 'she'
}

function endsWith(long: string[], short: string[]): boolean {
  return short.every((w, i) => long[long.length - short.length + i] === w)
}

/**
 * The people a text names, in the order it names them. A full name counts anywhere; a surname
 * alone ("what did Bárcena say") counts too, since questions rarely repeat the first name.
 */
export function peopleIn(text: string, people: readonly Person[]): Person[] {
  const ws = words(fold(text))
  const capitalised = new Set(words((text.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).join(' ')))
  // Typed in lower case ("what did price say"), case says nothing: a surname the article only
  // writes as a name counts (typed-names.ts).
  const lowercase = typedLowercase(text)
  const found: { p: Person; at: number }[] = []
  for (const p of people) {
    const last = p.words[p.words.length - 1]
    let at = indexOfRun(ws, p.words)
    // "the price of …" is not Ned Price: an everyday word counts as a surname only when capitalised.
    const surname = last.length >= 4 && (capitalised.has(last) || englishCount(last) <= SURNAME_MAX_COUNT || (lowercase && !!p.properLast))
    if (at < 0 && surname) at = ws.indexOf(last)
    if (at >= 0) found.push({ p, at })
  }
  return found.sort((a, b) => a.at - b.at).map((x) => x.p)
}

function indexOfRun(ws: string[], run: string[]): number {
  for (let i = 0; i + run.length <= ws.length; i++) if (run.every((w, j) => ws[i + j] === w)) return i
  return -1
}
