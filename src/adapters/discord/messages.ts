import { MAX_QUESTION_LENGTH } from '../../core/answer.js'
import type { SourceInfo } from '../../core/types.js'
import { DM_CONTEXT_MINUTES } from '../shared/conversation-limits.js'
import { type DiscordMessage, infoMessage, noteMessage, shown } from './format.js'
import { BUDGET } from './limits.js'

/** The bot's own words: help, the how-to, "slow down", errors, the list of sources. */

export type RateLimitText = { limit: number; windowMs: number }

/** `/help`: what the bot does, the ways to ask, and its limits. */
export function helpMessage(sources: readonly SourceInfo[], rate: RateLimitText, example: string | undefined): DiscordMessage {
  const titles = sources.map((s) => s.title)
  const about = titles.length === 1 ? `the article “${titles[0]}”` : `${titles.length} news articles (see /sources)`
  return infoMessage(
    'How to ask me',
    [
      `I answer questions about ${shown(about, BUDGET.title)}, quoting it word for word and saying where each quote stands (¶ is the paragraph).`,
      '',
      `• **/ask** \`question\`${example ? `, for example “${shown(example, BUDGET.name)}”` : ''}. Set \`private\` to True and only you see the answer.`,
      '• **/summary** for an overview, **/sources** for the articles I know.',
      "• **/explain** for the article at a glance: who's who, timeline, key numbers or quotes (of one `person` if you like).",
      '• Mention me with a question in a channel, or write to me in a direct message.',
      `• To follow up (“what did she say?”), reply to my answer and keep the reply's @ mention on: with it off I cannot read your reply. In a DM, your questions of the last ${DM_CONTEXT_MINUTES} minutes count.`,
      '• The buttons under an answer ask the next question for you; 👍 or 👎 says whether the answer helped (only you see the thanks).',
      '',
      `Limits: questions of up to ${MAX_QUESTION_LENGTH} characters, ${rate.limit} questions every ${Math.round(rate.windowMs / 1000)} seconds per person. ` +
        'I only know what the articles say: when they do not answer, I tell you so and what they do cover.',
    ],
    'Answers quote the article; photo captions and related headlines are marked as such.',
  )
}

/** A mention with nothing after it: how to ask, in one line. */
export function howToMessage(botMention: string, example: string | undefined): DiscordMessage {
  const sample = example ?? 'What is the article about?'
  return noteMessage(`Ask me a question about the article: ${botMention} ${shown(sample, BUDGET.title)}, or use /ask. /help tells you more.`)
}

/** Shown only to the member asking too fast (privately where Discord allows it). */
export function slowDownMessage(seconds: number): DiscordMessage {
  return noteMessage(`You are asking faster than I can answer: slow down, please, and try again in ${seconds} s.`)
}

/** A handler failed: short and without the cause, which goes to the log instead. */
export function errorMessage(): DiscordMessage {
  return noteMessage('Sorry, something went wrong while answering that. Please try again in a moment.')
}

/** A follow-up button from before a restart, whose question this process no longer remembers. */
export function expiredButtonMessage(): DiscordMessage {
  return noteMessage('That button has expired: ask the question again with /ask.')
}

/** A command Discord still shows but this version does not know (an older deploy). */
export function unknownCommandMessage(): DiscordMessage {
  return noteMessage('I do not know that command any more: try /help.')
}

/** `/sources`: one line per article: title, outlet, date and link when known. */
export function sourcesMessage(sources: readonly SourceInfo[]): DiscordMessage {
  const lines = sources.map((s) => {
    const about = [s.outlet, s.published].filter(Boolean).map((x) => shown(x as string, BUDGET.name))
    const link = s.url ? ` <${s.url}>` : ''
    return `• **${shown(s.title, 200)}**${about.length ? ` (${about.join(', ')})` : ''}${link}`
  })
  const title = sources.length === 1 ? 'The article I know' : `The ${sources.length} articles I know`
  return infoMessage(title, lines.length ? lines : ['No articles are loaded.'])
}
