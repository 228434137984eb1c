import { type Draft, draftAnswer } from './answer.js'
import { askInContext } from './ask-in-context.js'
import { AUTOCOMPLETE, articlesMatching, matcher, typedWords } from './autocomplete.js'
import type { Turn } from './conversation.js'
import { candidateSuggestions, type Suggestion } from './follow-ups.js'
import { keepNewest } from './keep-newest.js'
import { type BuildProgress, buildKnowledgeBase, type KnowledgeBase } from './knowledge-base.js'
import { words } from './normalize.js'
import { autocompleteCandidates, completions } from './suggest-questions.js'
import type { Answer, Article, SourceInfo } from './types.js'

const FOLLOW_UPS = 3
/** Answers kept for questions asked again (least recently asked dropped first). */
const RECENT_ANSWERS = 1_000

/**
 * The one use case every adapter calls: ask a question, get an `Answer`. Also what the adapters
 * show around answers: the articles known (`sources`) and questions to offer (`suggest`).
 */
export type Explainer = {
  /**
   * `context`: the earlier turns of the same conversation, oldest first, so "what did she say?"
   * after "who is Maureen Meyer?" knows who is meant (conversation.ts). Without it, or when the
   * question needs none, the answer is the question's own.
   */
  ask(question: string, context?: readonly Turn[], options?: AskOptions): Answer
  suggest(typed: string, limit?: number): string[]
  sources(): SourceInfo[]
  readonly knowledge: KnowledgeBase
  /** A serving bot's knowledge: how many articles, and when it last (re)loaded (see live-knowledge.ts). */
  status?(): { articles: number; loadedAt?: Date }
}

/** How one question is asked: `article` (a slug) answers from that article alone. */
export type AskOptions = { article?: string }

export type ExplainerOptions = {
  /** How many recent answers to keep for questions asked again (default 1,000; 0 keeps none). */
  recentAnswers?: number
  /**
   * Time `suggest()` may spend checking that questions are answered, per call (default
   * AUTOCOMPLETE.checkMs, 20 ms: autocomplete is typed live). The clock is injected as a budget so
   * a test on a busy machine can lift it and check what is offered, not how fast.
   */
  suggestCheckMs?: number
}

export function createExplainer(articles: Article[], onProgress?: BuildProgress, options: ExplainerOptions = {}): Explainer {
  return explainerFor(buildKnowledgeBase(articles, onProgress), options)
}

/** The same, over a knowledge base already built (or loaded from a saved index). */
export function explainerFor(kb: KnowledgeBase, options: ExplainerOptions = {}): Explainer {
  const keep = options.recentAnswers ?? RECENT_ANSWERS
  const slugs = [...kb.articles.keys()]
  const recent = new Map<string, Answer>()
  const summary: Suggestion = { question: 'Summarize the article', factId: -1, article: '', key: 'summarize the article' }

  // A suggestion is offered only once it has been asked for real and answered by the fact it came
  // from, so it never ends in "I couldn't find". Checks run lazily, only for the suggestions about
  // to be shown, and are remembered: a large archive pays for what people look at.
  const verdicts = new Map<string, boolean>()
  // Follow-ups draw on people only; autocomplete on topics and numbers too.
  const candidatesOf = perArticle((slug) => candidateSuggestions(kb, slug))
  const suggestableOf = perArticle((slug) => autocompleteCandidates(kb, slug))
  const answers = (s: Suggestion): boolean => {
    let ok = verdicts.get(s.key)
    if (ok === undefined) {
      const d = draftAnswer(kb, s.question)
      ok = d.status === 'answered' && (s.factId < 0 || d.facts.some((f) => f.id === s.factId))
      verdicts.set(s.key, ok)
    }
    return ok
  }
  /** The first `limit` suggestions of `list` that really get answered. */
  const firstAnswered = (list: Iterable<Suggestion>, limit: number): Suggestion[] => {
    const out: Suggestion[] = []
    for (const s of list) {
      if (out.length >= limit) break
      if (answers(s)) out.push(s)
    }
    return out
  }

  function followUpsFor(draft: Draft, asked: string): string[] {
    const askedKey = words(asked).join(' ')
    const slug = draft.facts[0]?.article ?? draft.nearest ?? slugs[0]
    const cited = new Set(draft.facts.map((f) => f.id))
    const paragraphs = new Set(draft.facts.map((f) => `${f.article}#${f.paragraph}`))
    // People and quotations next to the answer are the natural next questions.
    const near = (s: Suggestion): number => {
      const f = kb.facts[s.factId]
      return cited.has(s.factId) || paragraphs.has(`${f.article}#${f.paragraph}`) ? 0 : 1
    }
    const ordered = candidatesOf(slug)
      .filter((s) => s.key !== askedKey)
      .map((s, i) => ({ s, i, rank: near(s) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((x) => x.s)
    const own = firstAnswered(ordered, FOLLOW_UPS).map((s) => s.question)
    if (askedKey !== summary.key) own.push(summary.question)
    return own.slice(0, FOLLOW_UPS)
  }

  /** One question on its own: the answer, from the recent ones when it was asked before. */
  function askPlain(question: string, article?: string): Answer {
    // The same question always gets the same answer, so a popular one (a follow-up button many
    // people click) is worked out once. Callers get their own arrays to change if they like.
    const key = article === undefined ? question : `${article}\u0000${question}`
    let answer = recent.get(key)
    if (answer) {
      recent.delete(key)
    } else {
      const draft = draftAnswer(kb, question, article)
      answer = { status: draft.status, text: draft.text, citations: draft.citations, followUps: followUpsFor(draft, question) }
    }
    keepNewest(recent, key, answer, keep)
    return { ...answer, citations: answer.citations.map((c) => ({ ...c })), followUps: [...answer.followUps] }
  }

  return {
    knowledge: kb,
    ask(question: string, context: readonly Turn[] = [], options: AskOptions = {}): Answer {
      return askInContext(kb, question, context, (q) => askPlain(q, options.article), options.article)
    },
    suggest(typed: string, limit = 25): string[] {
      const own = typed.replace(/\s+/g, ' ').trim()
      // What the member typed is a question too: offered first, so Enter asks exactly that.
      const out: string[] = own ? [own] : []
      const shown = new Set(own ? [words(own).join(' ')] : [])
      const wanted = typedWords(kb, own)
      const matches = matcher(wanted)
      const offer = (s: Suggestion): void => {
        if (out.length < limit && !shown.has(s.key) && matches(s) && answers(s)) {
          shown.add(s.key)
          out.push(s.question)
        }
      }
      // Autocomplete has a deadline (Discord's is 3 s, and it is typed live): answers are checked
      // for so long, and articles never read before are read only so many at a time; the next
      // keystroke goes on where this one stopped (what was worked out is kept).
      const until = Date.now() + (options.suggestCheckMs ?? AUTOCOMPLETE.checkMs)
      const matching = articlesMatching(kb, wanted)
      let fresh = 0
      for (const slug of [...matching, ...slugs]) {
        if (out.length >= limit || Date.now() > until) break
        if (!suggestableOf.has(slug) && ++fresh > AUTOCOMPLETE.newArticles) break
        for (const s of suggestableOf(slug)) {
          if (out.length >= limit || Date.now() > until) break
          offer(s)
        }
      }
      // A topic no name or number stands for ("oil pri"): the words typed, completed, as the fallback.
      if (out.length <= (own ? 1 : 0)) for (const s of completions(kb, wanted, AUTOCOMPLETE.completions)) if (Date.now() <= until) offer(s)
      offer(summary)
      return out
    },
    sources(): SourceInfo[] {
      return [...kb.articles.values()].map((a) => {
        const range = kb.factRanges.get(a.slug)
        return {
          slug: a.slug,
          title: a.title,
          facts: range ? range.end - range.start : 0,
          ...(a.outlet ? { outlet: a.outlet } : {}),
          ...(a.url ? { url: a.url } : {}),
          ...(a.published ? { published: a.published } : {}),
        }
      })
    },
  }
}

/** `make(slug)`, worked out once per article and remembered. */
function perArticle<T>(make: (slug: string) => T): ((slug: string) => T) & { has(slug: string): boolean } {
  const known = new Map<string, T>()
  const get = (slug: string): T => {
    let value = known.get(slug)
    if (value === undefined) {
      value = make(slug)
      known.set(slug, value)
    }
    return value
  }
  return Object.assign(get, { has: (slug: string) => known.has(slug) })
}
