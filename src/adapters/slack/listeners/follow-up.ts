import type { Answer } from '../../../core/types.js'
import { answerQuestion, workspaceOf } from '../ask.js'
import type { Place } from '../conversations.js'
import { FOLLOW_UP_ACTION } from '../format.js'
import { conversationReplier, ephemeralReplier, isDirectChannel, type Replier } from '../reply.js'
import type { ButtonArgs, ButtonListener } from './types.js'

/**
 * Where a button's answer goes: the same place as the answer it was under. A private answer (from
 * `/ask`) stays private; an answer in a thread gets the next one in that thread; a DM stays a DM.
 */
export function replierForButton({ body, respond, client }: ButtonArgs): Replier {
  if (body.container?.is_ephemeral) return ephemeralReplier(respond)
  return conversationReplier(client, { ...placeOfButton(body), user: body.user.id })
}

/** The thread or DM a public answer's button stands in. */
function placeOfButton(body: ButtonArgs['body']): Place {
  const channel: string = body.channel?.id ?? body.container?.channel_id
  const isDirect = isDirectChannel(channel)
  const threadTs: string | undefined = body.message?.thread_ts ?? (isDirect ? undefined : body.message?.ts)
  return { channel, ...(threadTs ? { threadTs } : {}), isDirect }
}

/** A follow-up question's button: the question travels in the button's value. */
export const followUp: ButtonListener = {
  kind: 'button',
  actionId: FOLLOW_UP_ACTION,
  replier: replierForButton,
  handle: ({ action, body, context }, reply, deps) => {
    const question = action.value ?? ''
    // In a thread or a DM the button's question is a turn of that conversation, for the follow-ups after it.
    const place = reply.shareable ? undefined : placeOfButton(body)
    return answerQuestion(deps, {
      user: body.user.id,
      workspace: workspaceOf(context),
      channel: body.channel?.id ?? body.container?.channel_id ?? '',
      question,
      reply,
      ...(place ? { answered: (answer?: Answer) => deps.conversations.remember(place, question, answer) } : {}),
    })
  },
}
