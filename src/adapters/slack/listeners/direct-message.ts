import type { KnownEventFromType, types } from '@slack/bolt'
import { questionText } from '../../shared/question-text.js'
import { answerQuestion, isHelp, workspaceOf } from '../ask.js'
import { botIds } from '../conversations.js'
import { conversationReplier } from '../reply.js'
import { isMemberSubtype } from './subtypes.js'
import type { MessageListener } from './types.js'

/** What a member writes: a plain message, one with a file attached, or a reply also sent to the channel. */
type MemberMessage = types.GenericMessageEvent | types.FileShareMessageEvent | types.ThreadBroadcastMessageEvent

/**
 * A message a member wrote in a DM: a plain one, with a file (`file_share`) or a thread broadcast;
 * not an edit (`message_changed`), a deletion, a join or a bot's (`bot_message`, or any bot id),
 * and not the bot itself.
 */
function isMemberDm(event: KnownEventFromType<'message'>, botUserId?: string): event is MemberMessage {
  if (event.channel_type !== 'im' || !isMemberSubtype(event.subtype)) return false
  // A bot's message can come without the bot_message subtype; a bot id gives it away.
  return !('bot_id' in event && event.bot_id) && 'user' in event && !!event.user && event.user !== botUserId
}

/**
 * A DM to the bot (the Messages tab of App Home): answered in the DM, in its thread if it has one,
 * in the context of the DM's turns of the last DM_CONTEXT_MINUTES (conversations.ts).
 */
export const directMessage: MessageListener = {
  kind: 'message',
  accepts: ({ event, context }) => isMemberDm(event, context.botUserId),
  replier: ({ event, client }) => {
    const dm = event as MemberMessage
    return conversationReplier(client, { channel: dm.channel, ...(dm.thread_ts ? { threadTs: dm.thread_ts } : {}), user: dm.user, isDirect: true })
  },
  async handle({ event, context, client }, reply, deps) {
    const dm = event as MemberMessage
    const question = questionText(dm.text ?? '')
    // A DM is one conversation (or one per thread in it): its recent turns are the context.
    const place = { channel: dm.channel, ...(dm.thread_ts ? { threadTs: dm.thread_ts } : {}), isDirect: true }
    const earlier = isHelp(question) || !question ? [] : await deps.conversations.contextFor(client, place, dm.ts, botIds(context))
    await answerQuestion(deps, {
      user: dm.user,
      workspace: workspaceOf(context),
      channel: dm.channel,
      question,
      reply,
      context: earlier ?? [],
      answered: (answer) => deps.conversations.remember(place, question, answer),
    })
  },
}
