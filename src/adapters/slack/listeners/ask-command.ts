import { answerQuestion } from '../ask.js'
import { fromSlackText } from '../mrkdwn.js'
import { ephemeralReplier } from '../reply.js'
import type { CommandListener } from './types.js'

/** What `/ask` on its own asks: the core answers it with the article's lead. */
export const OVERVIEW_QUESTION = 'summary'

/**
 * `/ask <question>`: acked at once by the registry, answered privately through the command's
 * response_url (so it works in channels the bot is not in), with a "Share in channel" button.
 * `/ask help` is the how-to; `/ask` alone the overview.
 */
export const askCommand: CommandListener = {
  kind: 'command',
  command: '/ask',
  replier: ({ respond }) => ephemeralReplier(respond),
  handle: ({ command }, reply, deps) =>
    answerQuestion(deps, { user: command.user_id, question: fromSlackText(command.text ?? '') || OVERVIEW_QUESTION, reply }),
}
