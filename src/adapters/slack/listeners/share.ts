import { baseView } from '../ask.js'
import { answerMessage, SHARE_ACTION } from '../format.js'
import { ephemeralReplier } from '../reply.js'
import type { ButtonListener } from './types.js'

/**
 * "Share in channel" under a private `/ask` answer: the answer is asked again (the core is pure:
 * same question, same answer) and posted for everyone through the response_url, quoting the
 * question and who asked it, since Slack never shows the typed command. The private copy is then
 * removed. The public post has no follow-up buttons: the bot may not be a member of the channel,
 * so it could not answer them there. Not rate limited: it re-posts an answer already counted.
 */
export const share: ButtonListener = {
  kind: 'button',
  actionId: SHARE_ACTION,
  replier: ({ respond }) => ephemeralReplier(respond),
  async handle({ action, body, respond }, _reply, deps) {
    const question = action.value ?? ''
    const answer = deps.explainer.ask(question)
    const message = answerMessage(answer, { ...baseView(deps), question, askedBy: body.user.id, followUps: false })
    await respond({ response_type: 'in_channel', replace_original: false, ...message })
    await respond({ delete_original: true })
  },
}
