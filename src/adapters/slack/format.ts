import type { types } from '@slack/bolt'
import { citationLine, type LineOptions, quoted, shownIn } from '../../core/cite.js'
import type { Answer, Citation } from '../../core/types.js'
import { trimTo } from '../shared/trim.js'
import { fitMrkdwn, inlineMrkdwn } from './mrkdwn.js'

/**
 * An `Answer` as a Slack message in Block Kit. Slack's limits hold by construction: every text is
 * cut to its limit before it is placed, and the number of blocks, context elements and buttons is
 * bounded by the constants below, so no answer can make Slack reject a message.
 */

/** What every post and reply carries: `text` is the notification and screen-reader fallback. */
export type SlackMessage = { text: string; blocks: types.KnownBlock[] }

/** Slack's limits (Block Kit reference), and the shares of them this bot uses. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3_000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2_000,
  actionsElements: 25,
  /** Kept as short as a section: Slack truncates a longer `text` fallback anyway. */
  fallbackText: 3_000,
  /** A quote is evidence, not the answer: a long one is cut well before the block limit. */
  quote: 1_000,
  question: 300,
  /** A link to the quoted sentence longer than this (a very long url) is left out, not cut. */
  link: 500,
} as const

const LINK_TEXT = 'read it in the article'

/** Citations and follow-ups shown; with the fixed blocks this stays far below 50 blocks. */
const MAX_CITATIONS = 10
const MAX_FOLLOW_UPS = 5
const MAX_TITLES = 3

/** Follow-up buttons are `follow_up_0`, `follow_up_1`…: Slack wants action ids unique in a message. */
export const FOLLOW_UP_ACTION = /^follow_up_\d+$/
export const SHARE_ACTION = 'share_answer'
/** 👍 and 👎: `vote_up`, `vote_down`, each carrying the logged question's id as its value. */
export const VOTE_ACTION = /^vote_(?:up|down)$/

/** What `/ask` with no text asked for, shown instead of the core's overview question. */
export const OVERVIEW_LABEL = 'an overview of the article'

export type AnswerView = {
  /** Shown above the answer: Slack never shows what was typed after `/ask`. */
  question?: string
  /** `question` is the overview question and no question was typed: "asked for an overview". */
  overview?: boolean
  /** Who asked, for an answer shared in a channel (a Slack user id); else "You asked". */
  askedBy?: string
  /** A "Share in channel" button carrying this value (the question, or its key): only private answers need one. */
  share?: string
  /** Follow-up buttons (default on); off for an answer posted where the bot may not be a member. */
  followUps?: boolean
  /** Name the article in each citation: worth it only when more than one is known. */
  showArticle?: boolean
  /** The titles of the articles known, offered when there is no answer. */
  knownTitles?: readonly string[]
  /** The url of a citation's article (front matter `url`): each citation then links to its sentence. */
  urlOf?: (citation: Citation) => string | undefined
}

export const section = (text: string): types.SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })
export const context = (...texts: string[]): types.ContextBlock => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text })),
})

function button(text: string, actionId: string, value: string, primary = false): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    // Plain text is never parsed for mentions, so a question needs no escaping here.
    text: { type: 'plain_text', text: trimTo(text, LIMITS.buttonText), emoji: false },
    value: value.slice(0, LIMITS.buttonValue),
    ...(primary ? { style: 'primary' as const } : {}),
  }
}

/**
 * `*[1]* “quote”` then `¶7 · Section · standfirst · said by Name` (core/cite.ts's line, as the
 * terminal shows it), all escaped; the quote only when the answer's text did not show it.
 */
function citationBlock(citation: Citation, n: number, options: LineOptions): types.ContextBlock {
  const line = citationLine(citation, n, options)
  const head = `*${line.number}*`
  // A link to the sentence, when it fits whole; `|` and `>` would end Slack's link markup early.
  const link = line.link && line.link.length <= LIMITS.link && !/[|<>]/.test(line.link) ? ` · <${line.link}|${LINK_TEXT}>` : ''
  const where = inlineMrkdwn(line.where, LIMITS.sectionText - head.length - 1 - link.length) + link
  return line.quote === undefined ? context(`${head} ${where}`) : context(`*${line.number}* ${quoted(fitMrkdwn(line.quote, LIMITS.quote))}`, where)
}

function questionLine(view: AnswerView): string | undefined {
  if (view.question === undefined) return undefined
  // The id comes from Slack's payload; anything but an id's characters would be markup.
  const who = view.askedBy === undefined ? 'You' : /^[A-Z0-9]+$/i.test(view.askedBy) ? `<@${view.askedBy}>` : 'Someone'
  // Quoting the overview question would show words the member never typed.
  return view.overview ? `${who} asked for ${OVERVIEW_LABEL}` : `${who} asked: “${inlineMrkdwn(view.question, LIMITS.question)}”`
}

/** "I answer from *A*, *B*, *C* and 2 more.", escaped; '' when no title is known. */
export function answerFromLine(titles: readonly string[]): string {
  if (!titles.length) return ''
  const shown = titles.slice(0, MAX_TITLES).map((t) => `*${inlineMrkdwn(t, 200)}*`)
  const more = titles.length > MAX_TITLES ? ` and ${titles.length - MAX_TITLES} more` : ''
  return `I answer from ${shown.join(', ')}${more}.`
}

/** For a "not found": what the bot does know, so the member can ask about that instead. */
function knownLine(titles: readonly string[], followUps: number): string | undefined {
  if (!titles.length) return undefined
  return `${answerFromLine(titles)}${followUps ? ' The buttons below are questions I can answer.' : ''}`
}

function actionsBlock(answer: Answer, view: AnswerView): types.ActionsBlock | undefined {
  // Slack rejects a button with an empty label.
  const followUps = view.followUps === false ? [] : answer.followUps.filter((q) => q.trim()).slice(0, MAX_FOLLOW_UPS)
  const elements = followUps.map((q, i) => button(q, `follow_up_${i}`, q))
  if (view.share !== undefined) elements.push(button('Share in channel', SHARE_ACTION, view.share, true))
  return elements.length ? { type: 'actions', block_id: 'explainer_actions', elements: elements.slice(0, LIMITS.actionsElements) } : undefined
}

/** The whole answer: who asked (when not visible), the answer, one context block per citation, buttons. */
export function answerMessage(answer: Answer, view: AnswerView = {}): SlackMessage {
  const asked = questionLine(view)
  // Slack rejects an empty section text; the core always writes one, but a message must never fail.
  const body = fitMrkdwn(answer.text, LIMITS.sectionText) || 'I have no answer to show for that.'
  const known = answer.status === 'not_found' ? knownLine(view.knownTitles ?? [], view.followUps === false ? 0 : answer.followUps.length) : undefined
  const actions = actionsBlock(answer, view)
  const blocks: types.KnownBlock[] = [
    ...(asked ? [context(asked)] : []),
    section(body),
    ...(known ? [context(known)] : []),
    ...answer.citations.slice(0, MAX_CITATIONS).map((c, i) => {
      const url = view.urlOf?.(c)
      return citationBlock(c, i + 1, { showArticle: view.showArticle ?? false, shownInText: shownIn(answer.text, c), ...(url ? { url } : {}) })
    }),
    ...(actions ? [actions] : []),
  ]
  // Both parts are escaped already: the answer is cut again from its raw text, never the escaped one.
  const text = asked ? `${asked}\n${fitMrkdwn(answer.text, LIMITS.fallbackText - asked.length - 1)}` : body
  return { text, blocks: blocks.slice(0, LIMITS.blocks) }
}

/**
 * The answer with 👍/👎 under it, in an actions block of its own, for the question logged as
 * `questionId`. Added as the answer is sent, not when it is formatted: a kept answer (a private
 * `/ask` asked again) is sent again under a new question's id. The last block is kept for it.
 */
export function withVotes(message: SlackMessage, questionId: string): SlackMessage {
  const vote = (emoji: string, choice: 'up' | 'down'): types.Button => ({
    type: 'button',
    action_id: `vote_${choice}`,
    text: { type: 'plain_text', text: emoji, emoji: true },
    value: questionId,
  })
  const votes: types.ActionsBlock = { type: 'actions', block_id: 'explainer_votes', elements: [vote('👍', 'up'), vote('👎', 'down')] }
  return { text: message.text, blocks: [...message.blocks.slice(0, LIMITS.blocks - 1), votes] }
}

/** A short message of one section: help, "slow down", an error. `mrkdwn` must already be safe. */
export function noteMessage(mrkdwn: string, fallback = mrkdwn): SlackMessage {
  return { text: fallback, blocks: [section(mrkdwn)] }
}
