import type { Draft } from './answer.js'
import { citationOf } from './cite.js'
import type { KnowledgeBase } from './knowledge-base.js'
import { fold, words } from './normalize.js'
import type { Question } from './question.js'
import type { Scored } from './rank.js'
import { asWritten, nameAsWritten, type Trap } from './traps.js'
import type { Fact } from './types.js'

/** Topics to offer when the article has no answer: its section headings. */
function coveredTopics(kb: KnowledgeBase, slug: string): string[] {
  const article = kb.articles.get(slug)
  if (!article) return []
  return article.sections.slice(0, 3)
}

/** "I couldn't find…" and what the article covers instead: for a question nothing comes close to. */
export function notFound(kb: KnowledgeBase, ranked: Scored[], lead?: string): Draft {
  const slug = ranked.length ? kb.facts[ranked[0].id].article : [...kb.articles.keys()][0]
  const where = kb.articles.size > 1 ? `any of the ${kb.articles.size} articles I know` : 'the article'
  const about = kb.articles.size > 1 ? 'The closest one' : 'It'
  const topics = coveredTopics(kb, slug)
  const offer = topics.length
    ? ` ${about} covers ${topics.map((t) => `"${t}"`).join(', ')}; try one of the suggested questions.`
    : ' Try one of the suggested questions, or ask for a summary.'
  return { status: 'not_found', text: `${lead ?? `I couldn't find an answer to that in ${where}.`}${offer}`, citations: [], facts: [], nearest: slug }
}

/**
 * A word typed in lower case as the sentence writes it ("blinken" -> "Blinken"), so the reply
 * names people as the article does; as typed when the sentence does not hold it.
 */
function asArticleWrites(typed: string, text: string): string {
  if (typed !== typed.toLowerCase()) return typed
  const want = words(typed)
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0])
  for (let i = 0; i + want.length <= tokens.length; i++) {
    if (want.every((w, j) => fold(tokens[i + j]) === w)) return tokens.slice(i, i + want.length).join(' ')
  }
  return typed
}

/** What the article does not say, and why the closest sentence is not the answer to it. */
function reason(trap: Trap, q: Question, fact: Fact): { lead: string; why: string } {
  const name = (w: string) => asArticleWrites(asWritten(q.raw, w), fact.text)
  switch (trap.kind) {
    case 'absent-name':
      return { lead: `The article does not say that about ${name(trap.word)}.`, why: `which is not about ${name(trap.word)}` }
    case 'uncounted':
      return { lead: `The article does not give a figure for "${name(trap.word)}".`, why: 'whose figure counts something else' }
    case 'number':
      return { lead: `The article does not say that for ${trap.word}.`, why: `which does not give ${trap.word}` }
    case 'negation':
      return {
        lead: 'The article does not answer that.',
        why: trap.askedNegated ? 'which says what did happen, not what did not' : 'which says what did not happen, not what did',
      }
    case 'opposite':
      return { lead: 'The article does not answer that.', why: `which says "${trap.found}", not "${name(trap.asked)}"` }
    case 'not-said':
      return { lead: `The article does not quote ${name(trap.word)} on that.`, why: `in which ${name(trap.word)} does not speak` }
    case 'misfit': {
      const what = trap.wants === 'number' ? 'a figure' : trap.wants === 'when' ? 'a date' : 'a name'
      return { lead: `The article does not give ${what} for that.`, why: `which has no ${what.slice(2)} to give` }
    }
    // What the question asks, the article does not say (predicate-traps.ts).
    case 'unknown-word':
      return { lead: `The article never mentions "${name(trap.word)}".`, why: `which says nothing of "${name(trap.word)}"` }
    case 'echo':
      return { lead: 'The article does not give a date for that.', why: `whose only date, "${trap.time}", is the one the question gives` }
    case 'compound': {
      const asked = `${name(trap.word)} ${name(trap.head)}`
      return { lead: `The article does not mention "${asked}".`, why: `which speaks of "${trap.found}" but not "${asked}"` }
    }
    case 'former':
      return { lead: `The article does not say who the ${name(trap.word)} is now.`, why: `which names only a former ${name(trap.word)}` }
    case 'future':
      return { lead: 'The article does not say when that will happen.', why: 'which tells what has happened, not what will' }
    default:
      return { lead: 'The article does not answer that.', why: 'which does not answer it' }
  }
}

/**
 * A decline that helps: the closest thing the article does say, quoted and cited, with why it is
 * not the answer. A name the article never uses has no close fact worth showing.
 */
export function declineTrap(kb: KnowledgeBase, q: Question, ranked: Scored[], trap: Trap, fact: Fact): Draft {
  if (trap.kind === 'unknown-name') {
    const where = kb.articles.size > 1 ? `any of the ${kb.articles.size} articles I know: none of them mentions` : 'the article: it never mentions'
    return notFound(kb, ranked, `I couldn't find that in ${where} ${nameAsWritten(q.raw, trap.word, (w) => q.names.has(w))}.`)
  }
  const where = kb.articles.size > 1 ? ` (in "${kb.articles.get(fact.article)?.title ?? fact.article}")` : ''
  const { lead, why } = reason(trap, q, fact)
  return {
    status: 'not_found',
    text: `${lead} The closest it comes${where} is this, ${why}: "${fact.text}" [1]`,
    citations: [citationOf(kb, fact)],
    facts: [fact],
    nearest: fact.article,
  }
}
