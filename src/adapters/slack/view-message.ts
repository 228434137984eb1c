import type { types } from '@slack/bolt'
import { balanceQuotes, quoted, viewItemPlace } from '../../core/cite.js'
import { type ViewItem, type ViewName, type ViewResult, viewLine, viewTitle } from '../../core/views/index.js'
import { trimTo } from '../shared/trim.js'
import { context, LIMITS, type SlackMessage, section } from './format.js'
import { fitMrkdwn, inlineMrkdwn } from './mrkdwn.js'

/**
 * An explainer view in Block Kit: a heading line, then per item a section (its line) and a
 * context block (the sentences it cites), ITEMS_PER_PAGE items a page, with Previous/Next
 * buttons when there are more. Well within Slack's 50 blocks and 3,000 characters a section.
 */
export const ITEMS_PER_PAGE = 10
export const VIEW_PAGE_ACTION = /^view_page_\w+$/
const QUOTE_CHARACTERS = 400

/** What a page button carries in its value: enough to work the page out again, no state kept. */
export type ViewPage = { v: ViewName; p: number; a: string; n?: string }

function pageButton(text: string, actionId: string, page: ViewPage, primary = false): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: trimTo(text, LIMITS.buttonText), emoji: false },
    value: JSON.stringify(page).slice(0, LIMITS.buttonValue),
    ...(primary ? { style: 'primary' as const } : {}),
  }
}

function itemBlocks(view: ViewName, item: ViewItem, n: number): types.KnownBlock[] {
  const cites = item.citations.slice(0, 4).map((c) => {
    return `${quoted(fitMrkdwn(balanceQuotes(c.quote), QUOTE_CHARACTERS))} _${inlineMrkdwn(viewItemPlace(c), 200)}_`
  })
  return [section(`*${n}.* ${fitMrkdwn(viewLine(view, item), LIMITS.sectionText - 10)}`), ...(cites.length ? [context(...cites)] : [])]
}

const EMPTY: Record<ViewName, string> = {
  who: 'The article names no people or organizations I can tell apart.',
  timeline: 'The article gives no dates.',
  numbers: 'The article gives no figures.',
  quotes: 'The article has no quotations.',
}

export function viewMessage(result: ViewResult, page: number): SlackMessage {
  const title = viewTitle(result.view, result.name)
  if (result.status !== 'ok') {
    const why = result.status === 'unknown_article' ? `I know no article called “${inlineMrkdwn(result.asked, 100)}”. ` : ''
    const buttons = result.articles
      .slice(0, LIMITS.actionsElements)
      .map((a, i) => pageButton(a.title, `view_page_article_${i}`, { v: result.view, p: 0, a: a.slug, ...(result.name ? { n: result.name } : {}) }))
    const text = `*${inlineMrkdwn(title, 200)}*: ${why}which article? Add its name after the command, as in \`/explain ${result.view} ${result.articles[0]?.slug ?? ''}\`.`
    return { text: `${title}: which article?`, blocks: [section(text), { type: 'actions', block_id: 'explainer_view_articles', elements: buttons }] }
  }
  const pages = Math.max(1, Math.ceil(result.items.length / ITEMS_PER_PAGE))
  const at = Math.max(0, Math.min(page, pages - 1))
  const shown = result.items.slice(at * ITEMS_PER_PAGE, (at + 1) * ITEMS_PER_PAGE)
  const pageNote = pages > 1 ? ` · page ${at + 1} of ${pages}` : ''
  const heading = `*${inlineMrkdwn(title, 200)}* · ${inlineMrkdwn(result.article.title, 300)}${pageNote}`
  const empty = result.view === 'quotes' && result.name ? `The article quotes no one named “${inlineMrkdwn(result.name, 100)}”.` : EMPTY[result.view]
  const base: ViewPage = { v: result.view, p: at, a: result.article.slug, ...(result.name ? { n: result.name } : {}) }
  const buttons = [
    ...(at > 0 ? [pageButton('Previous', 'view_page_prev', { ...base, p: at - 1 })] : []),
    ...(at < pages - 1 ? [pageButton('Next', 'view_page_next', { ...base, p: at + 1 }, true)] : []),
  ]
  const blocks: types.KnownBlock[] = [
    context(heading),
    ...(shown.length ? shown.flatMap((item, i) => itemBlocks(result.view, item, at * ITEMS_PER_PAGE + i + 1)) : [section(empty)]),
    ...(buttons.length ? [{ type: 'actions' as const, block_id: 'explainer_view_pages', elements: buttons }] : []),
  ]
  const fallback = `${title} · ${result.article.title}${pageNote}: ${shown.map((item) => viewLine(result.view, item)).join('; ')}`
  return { text: fitMrkdwn(fallback, LIMITS.fallbackText), blocks: blocks.slice(0, LIMITS.blocks) }
}

/** The page a button's value asks for, or undefined for a value that is not one. */
export function pageOf(value: string | undefined): ViewPage | undefined {
  try {
    const page = JSON.parse(value ?? '') as ViewPage
    return typeof page.v === 'string' && typeof page.a === 'string' && Number.isInteger(page.p) ? page : undefined
  } catch {
    return undefined
  }
}
