import type { KnownEventFromType, types } from '@slack/bolt'
import { answerQuestion } from '../ask.js'
import { fromSlackText } from '../mrkdwn.js'
import { conversationReplier } from '../reply.js'
import type { MessageListener } from './types.js'

type GenericMessageEvent = types.GenericMessageEvent

/**
 * A plain message a member typed in a DM: no subtype (edits are `message_changed`, joins
 * `channel_join`, bots `bot_message`), no bot id, not the bot itself.
 */
function isMemberDm(event: KnownEventFromType<'message'>, botUserId?: string): event is GenericMessageEvent {
  return event.channel_type === 'im' && event.subtype === undefined && !event.bot_id && !!event.user && event.user !== botUserId
}

/** A DM to the bot (the Messages tab of App Home): answered in the DM, in its thread if it has one. */
export const directMessage: MessageListener = {
  kind: 'message',
  accepts: ({ event, context }) => isMemberDm(event, context.botUserId),
  replier: ({ event, client }) => {
    const dm = event as GenericMessageEvent
    return conversationReplier(client, { channel: dm.channel, ...(dm.thread_ts ? { threadTs: dm.thread_ts } : {}), user: dm.user, isDirect: true })
  },
  handle: ({ event, context }, reply, deps) => {
    const dm = event as GenericMessageEvent
    return answerQuestion(deps, { user: dm.user, question: fromSlackText(dm.text ?? '', context.botUserId), reply })
  },
}
