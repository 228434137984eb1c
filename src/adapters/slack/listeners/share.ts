import { OVERVIEW_QUESTION } from '../../../core/answer.js'
import { baseView, pickedArticle, readTyped } from '../ask.js'
import { answerMessage, SHARE_ACTION } from '../format.js'
import { expiredButtonMessage } from '../messages.js'
import { ephemeralReplier } from '../reply.js'
import type { ButtonListener } from './types.js'

/**
 * "Share in channel" under a private `/ask` answer: the answer is asked again (the core is pure:
 * same question, same answer) and posted for everyone through the response_url, quoting the
 * question and who asked it, since Slack never shows the typed command (`/ask` alone, whose button
 * carries the core's overview question, says "asked for an overview of the article"). The private
 * copy is then removed; if that fails the share still stands, so it is only logged. The public post
 * has no follow-up buttons: the bot may not be a member of the channel, so it could not answer them
 * there. Not rate limited: it re-posts an answer already counted.
 */
export const share: ButtonListener = {
  kind: 'button',
  actionId: SHARE_ACTION,
  replier: ({ respond }) => ephemeralReplier(respond),
  async handle({ action, body, respond }, reply, deps) {
    // One post however many clicks: the same member, message and button count once.
    if (!deps.shares.isFirst(`${body.user.id} ${body.container?.message_ts ?? ''} ${action.value ?? ''}`)) return
    const click = deps.shareKeys.decode(action.value ?? '')
    if (!click || 'expired' in click) return reply.privately(expiredButtonMessage())
    // What was typed, `in:` and all: the shared answer comes from the article the private one did.
    const { pick, question } = readTyped(click.question)
    const article = pickedArticle(deps, pick)
    if (typeof article === 'object') return reply.privately(article)
    const answer = deps.explainer.ask(question, [], article === undefined ? {} : { article })
    // The button carries the core's question: the overview's is labelled, not quoted, as in the private copy.
    const view = { ...baseView(deps), question, overview: question === OVERVIEW_QUESTION, askedBy: body.user.id, followUps: false }
    await respond({ response_type: 'in_channel', replace_original: false, ...answerMessage(answer, view) })
    try {
      await respond({ delete_original: true })
    } catch (error) {
      // The answer is shared already: a private copy left behind is no reason to tell the member "Sorry".
      deps.logger.warn(`share: the answer was posted, but removing the private copy failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  },
}
