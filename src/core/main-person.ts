import type { KnowledgeBase } from './knowledge-base.js'
import { type Person, peopleIn, peopleOf } from './people.js'
import { perArticleOf } from './per-article.js'

/**
 * The person an article is about, when one plainly is: "how long was he a member?" asked first,
 * about a profile of one man, means that man. Without an earlier turn a "he" has nothing else to
 * stand for, and asking back "who do you mean?" about an article on one person is no help.
 *
 * A person is the article's main person of their kind ("he" or "she") when the title or the
 * standfirst (the first paragraph) names them, and the article names them in at least
 * `DOMINANCE` times as many sentences as anyone else of that kind. Otherwise there is none and the
 * bot keeps asking back. People are those people.ts finds (quoted, or given a role).
 */

/** How many times more sentences than the runner-up of the same kind must name the main person. */
const DOMINANCE = 2
/** …and at least this many, so a short piece that names two people once each has no main person. */
const MIN_MENTIONS = 3

type Counted = { person: Person; mentions: number; upfront: boolean; inTitle: boolean }

const countedOf = perArticleOf((kb: KnowledgeBase, slug: string): Counted[] => {
  const people = peopleOf(kb, slug)
  const range = kb.factRanges.get(slug)
  if (!people.length || !range) return []
  const counts = new Map<Person, number>(people.map((p) => [p, 0]))
  const inTitle = new Set<Person>(peopleIn(kb.articles.get(slug)?.title ?? '', people))
  const upfront = new Set<Person>(inTitle)
  // The standfirst: the first paragraph of running text (not a headline or caption block).
  let firstParagraph: number | undefined
  for (let id = range.start; id < range.end && firstParagraph === undefined; id++)
    if (kb.facts[id].kind === 'body' || kb.facts[id].kind === 'quote') firstParagraph = kb.facts[id].paragraph
  for (let id = range.start; id < range.end; id++) {
    const f = kb.facts[id]
    const named = new Set(peopleIn(f.text, people))
    if (f.speaker) for (const p of peopleIn(f.speaker, people)) named.add(p)
    for (const p of named) counts.set(p, (counts.get(p) ?? 0) + 1)
    if (f.paragraph === firstParagraph) for (const p of named) upfront.add(p)
  }
  return people
    .map((person) => ({ person, mentions: counts.get(person) ?? 0, upfront: upfront.has(person), inTitle: inTitle.has(person) }))
    .sort((a, b) => b.mentions - a.mentions)
})

/**
 * The article's main person a "he" or "she" can stand for, or undefined when no one plainly is:
 * the most named of those the article calls so, named in the title and more often than anyone
 * else who may be of that kind (the article never says of some), or named in the standfirst and
 * `DOMINANCE` times as often. Two people in the title ("X attacks Y") need the dominance too.
 */
export function mainPersonOf(kb: KnowledgeBase, slug: string, pronoun: 'he' | 'she'): Person | undefined {
  // Someone the article calls "she" is no "he"; someone it never refers to by a pronoun may be either.
  const kind = countedOf(kb, slug).filter((c) => !c.person.pronoun || c.person.pronoun === pronoun)
  const top = kind.find((c) => c.person.pronoun === pronoun)
  if (!top?.upfront || top.mentions < MIN_MENTIONS) return undefined
  const rivals = kind.filter((c) => c !== top)
  const most = rivals.reduce((m, c) => Math.max(m, c.mentions), 0)
  const titleShared = rivals.some((c) => c.inTitle)
  const enough = top.inTitle && !titleShared ? top.mentions > most : top.mentions >= DOMINANCE * most
  return enough ? top.person : undefined
}
