import { answerQuestion } from '../ask.js'
import { FOLLOW_UP_ACTION } from '../format.js'
import { conversationReplier, ephemeralReplier, isDirectChannel, type Replier } from '../reply.js'
import type { ButtonArgs, ButtonListener } from './types.js'

/**
 * Where a button's answer goes: the same place as the answer it was under. A private answer (from
 * `/ask`) stays private; an answer in a thread gets the next one in that thread; a DM stays a DM.
 */
export function replierForButton({ body, respond, client }: ButtonArgs): Replier {
  if (body.container?.is_ephemeral) return ephemeralReplier(respond)
  const channel: string = body.channel?.id ?? body.container?.channel_id
  const isDirect = isDirectChannel(channel)
  const threadTs: string | undefined = body.message?.thread_ts ?? (isDirect ? undefined : body.message?.ts)
  return conversationReplier(client, { channel, ...(threadTs ? { threadTs } : {}), user: body.user.id, isDirect })
}

/** A follow-up question's button: the question travels in the button's value. */
export const followUp: ButtonListener = {
  kind: 'button',
  actionId: FOLLOW_UP_ACTION,
  replier: replierForButton,
  handle: ({ action, body }, reply, deps) => answerQuestion(deps, { user: body.user.id, question: action.value ?? '', reply }),
}
