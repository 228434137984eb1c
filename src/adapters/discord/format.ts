import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  MessageFlags,
  type MessageMentionOptions,
} from 'discord.js'
import { citationLine, type LineOptions, shownIn } from '../../core/cite.js'
import type { Answer, AnswerStatus, Citation } from '../../core/types.js'
import { fitInline } from '../shared/fit.js'
import type { FollowUpIds } from '../shared/question-keys.js'
import { trimTo } from '../shared/trim.js'
import { BUDGET, DISCORD_LIMITS } from './limits.js'
import { voteId } from './vote-ids.js'

/**
 * An `Answer` as a Discord message: one embed (the answer, its numbered citations, the article in
 * the footer) and a row of follow-up buttons. Every limit of limits.ts holds by construction: each
 * text is cut before it is placed, from one shared 6,000-character budget, and the numbers of
 * fields and buttons are bounded by BUDGET. Nothing here sends anything.
 */

/** Nothing a message says may ping: not @everyone, a role, a user, nor the member it replies to. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false }

/** Spread into a reply: only the member who asked sees it. */
export const PRIVATELY = { flags: MessageFlags.Ephemeral } as const

export type ButtonRow = APIActionRowComponent<APIButtonComponent>

/** What every send, reply and edit carries; `allowedMentions` is set here, on every message. */
export type DiscordMessage = {
  content?: string
  embeds: APIEmbed[]
  components: ButtonRow[]
  allowedMentions: MessageMentionOptions
}

export type AnswerView = {
  /** Shown as the title when Discord does not show it already (a slash command or a button). */
  question?: string
  ids: FollowUpIds
  /** The titles of the articles known: named when there is no answer, so the member knows what to ask. */
  knownTitles: readonly string[]
  /** The url of a citation's article (front matter `url`): each citation then links to its sentence. */
  urlOf?: (citation: Citation) => string | undefined
  /** The logged question's id: 👍/👎 buttons under the answer carry it. */
  questionId?: string
}

const COLORS: Record<AnswerStatus | 'note', number> = { answered: 0x5865f2, not_found: 0x99aab5, invalid: 0xfaa61a, note: 0x5865f2 }

/** Headings, lists and masked links too: a question of "# HELLO" must not print as a heading. */
const ESCAPE_ALL = { heading: true, bulletedList: true, numberedList: true, maskedLink: true }

/**
 * Text shown as written (a question, an answer that may echo one, a quote), on one line, escaped
 * and at most `max` long: cut before it is escaped (shared/fit.ts), so no cut splits a `\*`.
 */
export function shown(text: string, max: number): string {
  return fitInline(text, max, escapeAll)
}

const escapeAll = (text: string): string => escapeMarkdown(text, ESCAPE_ALL)

/** Hands out the characters an embed may hold, in the order its parts are placed. */
function embedBudget() {
  let left: number = DISCORD_LIMITS.embedsTotal
  return {
    get left() {
      return left
    },
    /** `text` cut to its own limit and to what is left, then counted. */
    take(text: string, max: number): string {
      const cut = trimTo(text, Math.min(max, left))
      left -= cut.length
      return cut
    },
  }
}
type Budget = ReturnType<typeof embedBudget>

/**
 * One numbered citation (core/cite.ts's line, as the terminal shows it): `[1] ¶7 · Section ·
 * said by Name` as the name, the quote as the value when the answer's text did not show it
 * already. Undefined when what is left of the budget cannot show a useful quote.
 */
function citationField(c: Citation, n: number, options: LineOptions, budget: Budget): APIEmbedField | undefined {
  const line = citationLine(c, n, options)
  const name = shown(`${line.number} ${line.where}`, DISCORD_LIMITS.fieldName)
  // A link to the sentence, when it fits whole (a cut link would lead nowhere).
  const link = line.link && line.link.length <= BUDGET.link ? `[${LINK_TEXT}](${line.link})` : ''
  // A field needs a value: the link, or a zero-width space, when the quote stands in the answer above.
  if (line.quote === undefined) {
    const value = link || BLANK
    if (budget.left <= name.length + value.length) return undefined
    return { name: budget.take(name, DISCORD_LIMITS.fieldName), value: budget.take(value, DISCORD_LIMITS.fieldValue) }
  }
  const tail = link ? `\n${link}` : ''
  const room = Math.min(DISCORD_LIMITS.fieldValue, budget.left - name.length) - 2 - tail.length
  if (room < BUDGET.minimumField) return undefined
  return { name: budget.take(name, DISCORD_LIMITS.fieldName), value: budget.take(`> ${shown(line.quote, room)}${tail}`, DISCORD_LIMITS.fieldValue) }
}

const LINK_TEXT = 'Read it in the article'
const BLANK = '\u200b'

/** Lines joined up to `max`, ending with "…and N more" when they do not all fit. */
export function fitLines(lines: readonly string[], max: number): string {
  const out: string[] = []
  let used = 0
  for (const [i, line] of lines.entries()) {
    const more = lines.length - i > 1 ? `\n…and ${lines.length - i - 1} more` : ''
    if (used + line.length + 1 + more.length > max) {
      out.push(`…and ${lines.length - i} more`)
      break
    }
    out.push(line)
    used += line.length + 1
  }
  return trimTo(out.join('\n'), max)
}

/** "What the article covers", for an answer that has none: the titles of the articles known. */
function coversField(titles: readonly string[], budget: Budget): APIEmbedField | undefined {
  const name = titles.length > 1 ? 'I can answer questions about these articles' : 'I can answer questions about this article'
  if (!titles.length || budget.left < name.length + BUDGET.minimumField) return undefined
  const value = fitLines(
    titles.map((t) => `• ${shown(t, BUDGET.title)}`),
    Math.min(DISCORD_LIMITS.fieldValue, budget.left - name.length),
  )
  return { name: budget.take(name, DISCORD_LIMITS.fieldName), value: budget.take(value, DISCORD_LIMITS.fieldValue) }
}

/** Up to BUDGET.followUps distinct questions as buttons, five to a row; the last row is kept for 👍/👎. */
function followUpRows(questions: readonly string[], ids: FollowUpIds): ButtonRow[] {
  const max = Math.min(BUDGET.followUps, DISCORD_LIMITS.buttonsPerRow * (DISCORD_LIMITS.rows - 1))
  const distinct = [...new Set(questions.map((q) => q.replace(/\s+/g, ' ').trim()).filter(Boolean))].slice(0, max)
  const buttons: APIButtonComponent[] = distinct.map((q) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: trimTo(q, DISCORD_LIMITS.buttonLabel),
    custom_id: ids.encode(q),
  }))
  const rows: ButtonRow[] = []
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow)
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) })
  return rows
}

/**
 * 👍/👎 under an answer, in a row of their own (at most BUDGET.followUps follow-ups fill one row
 * before it, so a message has two rows of Discord's five). Emoji alone: the two need no words.
 */
function voteRow(questionId: string): ButtonRow {
  const vote = (emoji: string, choice: 'up' | 'down'): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: emoji },
    custom_id: voteId(questionId, choice),
  })
  return { type: ComponentType.ActionRow, components: [vote('👍', 'up'), vote('👎', 'down')] }
}

/** The articles quoted; an answer with no quote names the articles known in a field instead, once. */
function footerOf(answer: Answer): string {
  return [...new Set(answer.citations.map((c) => c.article))].join(' · ')
}

/** The answer, with its evidence and what to ask next. */
export function answerMessage(answer: Answer, view: AnswerView): DiscordMessage {
  const budget = embedBudget()
  const embed: APIEmbed = { color: COLORS[answer.status] }
  if (view.question?.trim()) embed.title = budget.take(shown(view.question, DISCORD_LIMITS.embedTitle), DISCORD_LIMITS.embedTitle)
  const footer = footerOf(answer)
  // The footer is placed last but reserved first: it is short and says where the quotes come from.
  const footerText = footer ? budget.take(trimTo(footer, BUDGET.footer), DISCORD_LIMITS.footerText) : ''
  embed.description = budget.take(shown(answer.text, BUDGET.description), DISCORD_LIMITS.embedDescription) || '…'

  const fields: APIEmbedField[] = []
  const showArticle = view.knownTitles.length > 1
  for (const [i, c] of answer.citations.slice(0, BUDGET.citations).entries()) {
    const url = view.urlOf?.(c)
    const field = citationField(c, i + 1, { showArticle, shownInText: shownIn(answer.text, c), ...(url ? { url } : {}) }, budget)
    if (!field) break
    fields.push(field)
  }
  if (answer.status !== 'answered') {
    const covers = coversField(view.knownTitles, budget)
    if (covers) fields.push(covers)
  }
  if (fields.length) embed.fields = fields.slice(0, DISCORD_LIMITS.embedFields)
  if (footerText) embed.footer = { text: footerText }
  const votes = view.questionId === undefined ? [] : [voteRow(view.questionId)]
  return { embeds: [embed], components: [...followUpRows(answer.followUps, view.ids), ...votes], allowedMentions: NO_PINGS }
}

/** A short plain reply: help for a bare mention, "slow down", an error. */
export function noteMessage(text: string): DiscordMessage {
  return { content: trimTo(text, DISCORD_LIMITS.content), embeds: [], components: [], allowedMentions: NO_PINGS }
}

/** An embed of the bot's own words (help, sources), its description fitted line by line. */
export function infoMessage(title: string, lines: readonly string[], footer?: string): DiscordMessage {
  const embed: APIEmbed = {
    color: COLORS.note,
    title: trimTo(title, DISCORD_LIMITS.embedTitle),
    description: fitLines(lines, DISCORD_LIMITS.embedDescription) || '…',
    ...(footer ? { footer: { text: trimTo(footer, BUDGET.footer) } } : {}),
  }
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS }
}
