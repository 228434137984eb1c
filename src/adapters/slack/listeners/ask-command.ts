import { OVERVIEW_QUESTION } from '../../../core/answer.js'
import { questionText } from '../../shared/question-text.js'
import { answerQuestion, workspaceOf } from '../ask.js'
import { commandReplier } from '../reply.js'
import type { CommandListener } from './types.js'

/**
 * `/ask <question>`: answered privately in the ack itself (so it works in channels the bot is not
 * in, and costs no second request), with a "Share in channel" button; an answer that would miss
 * Slack's 3 s goes through the command's response_url instead. `/ask help` is the how-to; `/ask`
 * alone the overview, headed "You asked for an overview of the article" (the member typed nothing).
 */
export const askCommand: CommandListener = {
  kind: 'command',
  command: '/ask',
  replier: ({ ack, respond }, deps) => commandReplier(ack, respond, deps),
  handle: ({ command, context }, reply, deps) => {
    const question = questionText(command.text ?? '')
    const where = { workspace: workspaceOf(context), channel: command.channel_id }
    return answerQuestion(deps, { user: command.user_id, ...where, question: question || OVERVIEW_QUESTION, overview: !question, reply })
  },
}
