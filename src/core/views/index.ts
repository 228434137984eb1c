import { textMatcher, typedWords } from '../autocomplete.js'
import { keepNewest } from '../keep-newest.js'
import type { KnowledgeBase } from '../knowledge-base.js'
import { fold, withWordMemo, words } from '../normalize.js'
import { numbersView } from './numbers.js'
import { quotesBy, quotesView } from './quotes.js'
import { viewCommandOf, viewRequestOf } from './request.js'
import { viewFacts } from './source.js'
import { timelineView } from './timeline.js'
import type { ViewItem, ViewItems, ViewName } from './types.js'
import { whoView } from './who.js'

export { viewLine, viewTitle } from './lines.js'
export { type ViewRequest, viewCommandOf, viewRequestOf } from './request.js'
export * from './types.js'

/**
 * The explainer views of the knowledge: who's who, timeline, key numbers, quotes. A view is of one
 * article; with several loaded the caller names one (slug or title) or is told to choose. Views
 * are worked out once per article, on first use, and kept: they are plain data from the facts.
 */

export type ArticleRef = { slug: string; title: string }

export type ViewResult =
  | { status: 'ok'; view: ViewName; article: ArticleRef; name?: string; items: ViewItem[] }
  /** Several articles are loaded and none was named: ask which. */
  | { status: 'choose_article'; view: ViewName; name?: string; articles: ArticleRef[] }
  /** The article named is not one of those loaded. */
  | { status: 'unknown_article'; view: ViewName; name?: string; asked: string; articles: ArticleRef[] }

export type Views = {
  /** The view; `name` filters quotes by speaker (and who's who by name). */
  get(view: ViewName, options?: { name?: string; article?: string }): ViewResult
  /** Every view of one article. */
  all(slug: string): ViewItems
  articles(): ArticleRef[]
  /** The article a slug or title (or the start of a title) names, if exactly one. */
  findArticle(named: string): ArticleRef | undefined
  /** Names of people and organizations for autocomplete, speakers first, matching what is typed. */
  names(typed: string, article?: string, limit?: number): string[]
}

const cache = new WeakMap<KnowledgeBase, Views>()

/** The views over a knowledge base, made once per knowledge base. */
export function viewsOf(kb: KnowledgeBase): Views {
  let views = cache.get(kb)
  if (!views) {
    views = createViews(kb)
    cache.set(kb, views)
  }
  return views
}

export function buildViews(kb: KnowledgeBase, slug: string): ViewItems {
  // Names are folded many times over while views are made: remember each text's words meanwhile.
  return withWordMemo(() => {
    const facts = viewFacts(kb, slug)
    const who = whoView(kb, slug, facts)
    return { who, timeline: timelineView(kb, slug, facts), numbers: numbersView(kb, facts), quotes: quotesView(kb, facts, who) }
  })
}

/** One person's view items kept for names asked again (the least recently added dropped first). */
const FILTERED_KEPT = 1_000

function createViews(kb: KnowledgeBase): Views {
  const built = new Map<string, ViewItems>()
  const filtered = new Map<string, ViewItem[]>()
  const refs: ArticleRef[] = [...kb.articles.values()].map((a) => ({ slug: a.slug, title: a.title }))
  const all = (slug: string): ViewItems => {
    let items = built.get(slug)
    if (!items) {
      items = buildViews(kb, slug)
      built.set(slug, items)
    }
    return items
  }
  const findArticle = (named: string): ArticleRef | undefined => {
    const key = fold(named).trim()
    if (!key) return undefined
    const exact = refs.find((r) => r.slug === key || fold(r.title) === key)
    if (exact) return exact
    const starts = refs.filter((r) => fold(r.title).startsWith(key) || r.slug.startsWith(key))
    return starts.length === 1 ? starts[0] : undefined
  }
  return {
    all,
    articles: () => refs,
    findArticle,
    get(view, options = {}) {
      const name = options.name?.trim() || undefined
      const base = { view, ...(name ? { name } : {}) }
      let article: ArticleRef | undefined
      if (options.article?.trim()) {
        article = findArticle(options.article)
        if (!article) return { ...base, status: 'unknown_article', asked: options.article, articles: refs }
      } else if (refs.length === 1) article = refs[0]
      else return { ...base, status: 'choose_article', articles: refs }
      const items = all(article.slug)
      if (!name) return { ...base, status: 'ok', article, items: items[view] }
      // One person's items are worked out once: a popular "what did X say?" is asked again and again.
      const key = `${view}\u0000${article.slug}\u0000${name}`
      const known = filtered.get(key)
      if (known) return { ...base, status: 'ok', article, items: known }
      let list: ViewItem[] = items[view]
      // "AMLO", or any alias the operator declared, finds the quotes of the name it stands for.
      const forms = name ? [name, ...(kb.aliases.get(words(name).join(' ')) ?? [])] : []
      if (name && view === 'quotes') list = items.quotes.filter((q) => forms.some((f) => quotesBy([q], f, items.who).length))
      if (name && view === 'who') {
        list = items.who.filter((w) => [w.name, ...(w.aliases ?? [])].some((f) => forms.some((n) => words(n).every((x) => words(f).includes(x)))))
      }
      keepNewest(filtered, key, list, FILTERED_KEPT)
      return { ...base, status: 'ok', article, items: list }
    },
    names(typed, article, limit = 25) {
      const slugs = article ? [findArticle(article)?.slug].filter((s): s is string => !!s) : refs.map((r) => r.slug)
      // By any word's prefix, misspellings corrected, as the questions of /ask are offered.
      const matches = textMatcher(typedWords(kb, typed))
      const out: string[] = []
      for (const slug of slugs.length ? slugs : refs.map((r) => r.slug)) {
        const items = all(slug)
        const speakers = new Set(items.quotes.map((q) => q.speaker).filter((s): s is string => !!s))
        const people = [...speakers, ...items.who.filter((w) => w.kind === 'person').map((w) => w.name)]
        for (const n of people) {
          if (!out.includes(n) && matches(n)) out.push(n)
        }
      }
      return out.slice(0, limit)
    },
  }
}

/**
 * The view a question asks for in words, or undefined for an ordinary question. "What did X say?"
 * is the quotes view only when X is quoted in the article (in exactly one, with several loaded).
 */
export function viewForQuestion(kb: KnowledgeBase, question: string, article?: string): ViewResult | undefined {
  const request = viewRequestOf(question)
  if (!request) return undefined
  const views = viewsOf(kb)
  if (!request.ifQuoted) return views.get(request.view, { name: request.name, article })
  const quoted = (article ? [views.findArticle(article)] : views.articles())
    .filter((a): a is ArticleRef => !!a)
    .map((a) => views.get('quotes', { name: request.name, article: a.slug }))
    .filter((r) => r.status === 'ok' && r.items.length)
  return quoted.length === 1 ? quoted[0] : undefined
}

/**
 * A view command (`quotes Price`, `who mexico-migration`) whose last word may be an article's slug.
 * `strict` (the terminal chat, where anything else is a question): only `quotes` takes a name, so
 * "who is Andrew Selee?" stays a question.
 */
export function viewCommandIn(kb: KnowledgeBase, text: string, strict = false): { view: ViewName; name?: string; article?: string } | undefined {
  const command = viewCommandOf(text)
  if (!command) return undefined
  const ws = command.name?.split(' ') ?? []
  const last = ws.at(-1)
  const article =
    last &&
    viewsOf(kb)
      .articles()
      .some((a) => a.slug === last.toLowerCase())
      ? (ws.pop() as string).toLowerCase()
      : undefined
  const name = ws.join(' ')
  if (strict && name && command.view !== 'quotes') return undefined
  return { view: command.view, ...(name ? { name } : {}), ...(article ? { article } : {}) }
}
