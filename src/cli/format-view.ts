import { balanceQuotes, quoted, viewItemPlace } from '../core/cite.js'
import { type ArticleRef, type ViewItem, type ViewName, viewLine, viewTitle } from '../core/views/index.js'

/** A view as plain text: its title and article, then each item with the sentence it cites and where. */
export function formatView(view: ViewName, article: ArticleRef, items: readonly ViewItem[], name?: string): string {
  const head = `${viewTitle(view, name)} — ${article.title}`
  if (!items.length) return `${head}\n\n${emptyView(view, name)}\n`
  const lines = items.map((item, i) => {
    const cites = item.citations.map((c) => {
      // Where it stands, without "said by": the item's line already names the person.
      return `     ${quoted(balanceQuotes(c.quote))} — ${viewItemPlace(c)}`
    })
    return [`${String(i + 1).padStart(3)}. ${viewLine(view, item)}`, ...cites].join('\n')
  })
  return `${head}\n\n${lines.join('\n')}\n`
}

export function emptyView(view: ViewName, name?: string): string {
  if (view === 'quotes' && name) return `The article quotes no one named "${name}".`
  if (view === 'who' && name) return `The article names no one called "${name}".`
  return {
    who: 'The article names no people or organizations I can tell apart.',
    timeline: 'The article gives no dates.',
    numbers: 'The article gives no figures.',
    quotes: 'The article has no quotations.',
  }[view]
}

/** For a view asked without an article while several are loaded. */
export function chooseArticleText(articles: readonly ArticleRef[]): string {
  return `Which article? ${articles.map((a) => `${a.slug} ("${a.title}")`).join(', ')}`
}
