import { fold, STOP_WORDS, stem, words } from '../core/normalize.js'
import type { UnansweredGroup } from './report-data.js'

/** What an unanswered question needs to be grouped: its text, when it was asked, who asked (a hash, counted only). */
export type AskedText = { question: string; askedAt: number; member: string | null; article: string | null }

/** The question words that change what is asked: "who is Meyer?" and "what did Meyer say?" are not one question. */
const ASKING = new Set(['who', 'whom', 'whose', 'what', 'when', 'where', 'why', 'how', 'which'])

/**
 * One key for every way of typing the same question: folded with the core's own normalisation
 * (case, accents, punctuation, spacing), stop words dropped and words stemmed ("deported" and
 * "deportation" meet), the asking word kept, word order ignored. So "How many were DEPORTED?" and
 * "how many deported" count once; "who is Meyer" and "what did Meyer say" stay apart.
 */
export function questionKey(question: string): string {
  const ws = words(question)
  const asking = ws.find((w) => ASKING.has(w)) ?? ''
  const content = [...new Set(ws.filter((w) => !STOP_WORDS.has(w)).map(stem))].sort()
  // A question of stop words alone ("why?", "what about it?") is keyed by its folded words, so two such questions stay apart.
  return content.length ? `${asking === 'whom' || asking === 'whose' ? 'who' : asking}|${content.join(' ')}` : `|${ws.join(' ') || fold(question).trim()}`
}

const ALSO_TYPED = 5

/** Groups unanswered questions by key; most asked first, then most members, then most recent. */
export function groupQuestions(asked: readonly AskedText[]): UnansweredGroup[] {
  const groups = new Map<
    string,
    { typings: Map<string, { n: number; first: number }>; count: number; members: Set<string>; articles: Set<string>; last: number }
  >()
  for (const a of asked) {
    const typed = a.question.replace(/\s+/g, ' ').trim()
    if (!typed) continue
    const key = questionKey(typed)
    let g = groups.get(key)
    if (!g) {
      g = { typings: new Map(), count: 0, members: new Set(), articles: new Set(), last: 0 }
      groups.set(key, g)
    }
    const t = g.typings.get(typed) ?? { n: 0, first: a.askedAt }
    t.n++
    g.typings.set(typed, t)
    g.count++
    if (a.member) g.members.add(a.member)
    if (a.article) g.articles.add(a.article)
    g.last = Math.max(g.last, a.askedAt)
  }
  return [...groups.values()]
    .map((g) => {
      const typings = [...g.typings].sort(([, a], [, b]) => b.n - a.n || a.first - b.first).map(([text]) => text)
      return {
        question: typings[0],
        count: g.count,
        members: g.members.size,
        alsoTyped: typings.slice(1, 1 + ALSO_TYPED),
        articles: [...g.articles].sort(),
        lastAskedAt: new Date(g.last).toISOString(),
      }
    })
    .sort((a, b) => b.count - a.count || b.members - a.members || b.lastAskedAt.localeCompare(a.lastAskedAt) || a.question.localeCompare(b.question))
}
