import { isQuestionId, recordVote, VOTE_THANKS } from '../../shared/record.js'
import { noteMessage, VOTE_ACTION } from '../format.js'
import { expiredButtonMessage } from '../messages.js'
import { ephemeralReplier } from '../reply.js'
import type { ButtonListener } from './types.js'

/**
 * 👍/👎 under an answer: the member is thanked privately (an ephemeral message through the
 * click's response_url, under a private answer or a public one alike) and the vote is stored
 * against the logged question without waiting for the store; a second click replaces the first.
 * A value that is no question id stores nothing and says the button has expired.
 */
export const vote: ButtonListener = {
  kind: 'button',
  actionId: VOTE_ACTION,
  replier: ({ respond }) => ephemeralReplier(respond),
  async handle({ action, body }, reply, deps) {
    const questionId = action.value ?? ''
    if (!isQuestionId(questionId)) return reply.privately(expiredButtonMessage())
    const choice = action.action_id === 'vote_up' ? 'up' : 'down'
    recordVote(deps, { questionId, member: body.user.id, vote: choice }, (error) => deps.logger.error('storing a vote failed:', error))
    await reply.privately(noteMessage(VOTE_THANKS))
  },
}
