import { MAX_QUESTION_LENGTH } from '../../core/answer.js'
import { DM_CONTEXT_MINUTES } from '../shared/conversation-limits.js'
import { answerFromLine, noteMessage, type SlackMessage } from './format.js'
import { inlineMrkdwn } from './mrkdwn.js'

/** The bot's own fixed words: help, "slow down" and the error reply. */

/** `/ask help`, `help` in a DM or a mention with no question: how to ask, and about what. */
export function helpMessage(knownTitles: readonly string[]): SlackMessage {
  const lines = [
    'I answer questions about the news articles I know, quoting them word for word. Ways to ask:',
    '• `/ask your question`: an answer only you see, with a button to share it in the channel',
    '• `/ask` on its own: an overview of the article',
    '• `/explain who`, `/explain timeline`, `/explain numbers` or `/explain quotes [name]`: the article at a glance',
    '• mention me with a question in a channel: I answer in a thread, and replies in that thread (no need to mention me again) are follow-ups, like "what did she say?"',
    `• write to me here in a direct message: follow-ups count the questions of the last ${DM_CONTEXT_MINUTES} minutes`,
    '• 👍 or 👎 under an answer says whether it helped (only you see the thanks)',
    `Questions can be up to ${MAX_QUESTION_LENGTH} characters. ${answerFromLine(knownTitles)}`.trim(),
  ]
  return noteMessage(lines.join('\n'), 'How to ask me a question: /ask your question, a mention, or a direct message.')
}

/** Shown only to the member who is asking too fast. */
export function slowDownMessage(seconds: number): SlackMessage {
  return noteMessage(`You're asking faster than I can keep up: slow down, please, and try again in ${seconds} s.`)
}

/** A handler failed: short and without the cause, which goes to the log instead. */
export function errorMessage(): SlackMessage {
  return noteMessage('Sorry, something went wrong while answering that. Please try again in a moment.')
}

/** `in:<what>` named no article, or several: which ones there are to pick from. */
export function pickMessage(typed: string, found: readonly { slug: string; title: string }[]): SlackMessage {
  if (!found.length) return noteMessage(`I know no article matching "${typed}": write in:<slug> or in:"words of its title" before the question.`)
  const list = found
    .slice(0, 5)
    .map((a) => `• in:${a.slug} (${a.title})`)
    .join('\n')
  return noteMessage(`Several articles match "${typed}"; pick one:\n${list}`)
}

/** A button whose question this copy of the bot no longer remembers (a long one, after a restart). */
export function expiredButtonMessage(): SlackMessage {
  return noteMessage('This button has expired. Please ask the question again with `/ask`.')
}

/** A slash command this version of the bot does not serve (the app's settings list one more). */
export function unknownCommandMessage(command: string): SlackMessage {
  return noteMessage(`I don't know the command ${inlineMrkdwn(command, 100)}. Try \`/ask your question\`, or \`/ask help\`.`)
}

/** A button or menu this version of the bot does not serve (one left from an older version). */
export function unknownActionMessage(): SlackMessage {
  return noteMessage("I don't know that button any more. Please ask again with `/ask`.")
}
