import { type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from 'discord.js'
import { balanceQuotes, viewItemPlace } from '../../core/cite.js'
import type { ViewItem, ViewResult } from '../../core/views/index.js'
import { viewLine, viewTitle } from '../../core/views/index.js'
import { trimTo } from '../shared/trim.js'
import { type ButtonRow, type DiscordMessage, NO_PINGS, shown } from './format.js'
import { DISCORD_LIMITS } from './limits.js'
import type { ViewIds } from './view-ids.js'

/**
 * An explainer view as Discord embeds: one page per message, as many items as fit in a
 * description (well under 4,096 characters, and the whole embed under 6,000), with Previous/Next
 * buttons when there is more than one page. Each item shows its line and the sentences it cites.
 */

/** Characters of items on one page: leaves room for the title and the footer within 6,000. */
export const PAGE_CHARACTERS = 3_800
/** One item never takes more than this, so a page always holds several. */
const ITEM_CHARACTERS = 900
const QUOTE_CHARACTERS = 300
const COLOR = 0x5865f2

function itemText(result: Extract<ViewResult, { status: 'ok' }>, item: ViewItem, n: number): string {
  const head = `**${n}.** ${shown(viewLine(result.view, item), 400)}`
  const cites = item.citations.map((c) => {
    return `> ${shown(balanceQuotes(c.quote), QUOTE_CHARACTERS)} *(${shown(viewItemPlace(c), DISCORD_LIMITS.fieldName)})*`
  })
  return trimTo([head, ...cites].join('\n'), ITEM_CHARACTERS)
}

/** The items' texts cut into pages of at most PAGE_CHARACTERS. */
function pagesOf(result: Extract<ViewResult, { status: 'ok' }>): string[] {
  const pages: string[] = []
  let page = ''
  result.items.forEach((item, i) => {
    const text = itemText(result, item, i + 1)
    if (page && page.length + 2 + text.length > PAGE_CHARACTERS) {
      pages.push(page)
      page = ''
    }
    page = page ? `${page}\n\n${text}` : text
  })
  if (page) pages.push(page)
  return pages
}

const EMPTY: Record<ViewResult['view'], string> = {
  who: 'The article names no people or organizations I can tell apart.',
  timeline: 'The article gives no dates.',
  numbers: 'The article gives no figures.',
  quotes: 'The article has no quotations.',
}

function button(label: string, customId: string, disabled = false): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label: trimTo(label, DISCORD_LIMITS.buttonLabel), custom_id: customId, disabled }
}

/** One page of a view (`page` is clamped), or the question "which article?" with a button for each. */
export function viewMessage(result: ViewResult, page: number, ids: ViewIds): DiscordMessage {
  if (result.status === 'unknown_article' || result.status === 'choose_article') {
    const shownArticles = result.articles.slice(0, DISCORD_LIMITS.buttonsPerRow * DISCORD_LIMITS.rows)
    const buttons = shownArticles.map((a) => button(a.title, ids.encode({ view: result.view, page: 0, article: a.slug, name: result.name })))
    const rows: ButtonRow[] = []
    for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow)
      rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) })
    const why = result.status === 'unknown_article' ? `I know no article called "${shown(result.asked, 100)}". ` : ''
    const more = result.articles.length > shownArticles.length ? ' Or name it with the `article` option.' : ''
    const embed: APIEmbed = {
      color: COLOR,
      title: trimTo(viewTitle(result.view, result.name), DISCORD_LIMITS.embedTitle),
      description: `${why}Which article?${more}`,
    }
    return { embeds: [embed], components: rows, allowedMentions: NO_PINGS }
  }
  const pages = pagesOf(result)
  const at = Math.max(0, Math.min(page, pages.length - 1))
  const title = trimTo(viewTitle(result.view, result.name ? shown(result.name, 100) : undefined), DISCORD_LIMITS.embedTitle)
  const count = pages.length > 1 ? ` · page ${at + 1} of ${pages.length}` : ''
  const embed: APIEmbed = {
    color: COLOR,
    title,
    description: pages[at] ?? (result.view === 'quotes' && result.name ? `The article quotes no one named "${shown(result.name, 100)}".` : EMPTY[result.view]),
    // The page count is kept whole: a long title is cut, not the "page 2 of 5".
    footer: { text: `${trimTo(result.article.title, 280)}${count}` },
  }
  const components: ButtonRow[] =
    pages.length > 1
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              button('Previous', ids.encode({ view: result.view, page: at - 1, article: result.article.slug, name: result.name }), at === 0),
              button(
                'Next',
                ids.encode({ view: result.view, page: at + 1, article: result.article.slug, name: result.name, next: true }),
                at === pages.length - 1,
              ),
            ],
          },
        ]
      : []
  return { embeds: [embed], components, allowedMentions: NO_PINGS }
}
