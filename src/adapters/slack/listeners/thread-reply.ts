import type { KnownEventFromType, types } from '@slack/bolt'
import { questionText } from '../../shared/question-text.js'
import { answerQuestion, workspaceOf } from '../ask.js'
import { botIds, type Place } from '../conversations.js'
import { conversationReplier } from '../reply.js'
import { isMemberSubtype } from './subtypes.js'
import type { MessageListener } from './types.js'

type ThreadMessage = (types.GenericMessageEvent | types.FileShareMessageEvent | types.ThreadBroadcastMessageEvent) & { thread_ts: string }

/**
 * A member's reply in a channel thread (public: message.channels; private: message.groups), not
 * the thread's first message, not a bot's, not an edit. One that mentions the bot is left to
 * app_mention: Slack sends both events for it, and it is answered once. One that mentions another
 * member is for them, and a "thanks!" for no one.
 */
function isThreadReply(event: KnownEventFromType<'message'>, botUserId?: string): event is ThreadMessage {
  if ((event.channel_type !== 'channel' && event.channel_type !== 'group') || !isMemberSubtype(event.subtype)) return false
  const e = event as Partial<ThreadMessage> & { bot_id?: string }
  if (!e.thread_ts || e.thread_ts === e.ts || e.bot_id || !e.user || e.user === botUserId) return false
  const text = e.text ?? ''
  if (botUserId && text.includes(`<@${botUserId}>`)) return false
  // "<@U2> what do you think?" is for that member; "thanks!" is for no one.
  return !/<@[UW][A-Z0-9]+(?:\|[^<>]*)?>/i.test(text.slice(0, 4_000)) && !CHATTER.test(questionText(text))
}

/** Replies that thank or agree rather than ask: the bot stays quiet. */
const CHATTER = /^(?:(?:ok(?:ay)?|cool|great|nice|perfect|awesome|got it|makes sense|thanks?|thank you|thx|ty|lol|yes|no|yep|nope)[\s,.!]*)+$/i

const placeOf = (e: ThreadMessage): Place => ({ channel: e.channel, threadTs: e.thread_ts, isDirect: false })

/**
 * A plain reply in a thread the bot answered in is a follow-up: answered in the thread, in the
 * context of the thread's earlier turns. Every other channel message is none of the bot's
 * business and gets nothing, not even a rate-limit count.
 */
export const threadReply: MessageListener = {
  kind: 'message',
  accepts: ({ event, context }) => isThreadReply(event, context.botUserId),
  replier: ({ event, client }) => {
    const e = event as ThreadMessage
    return conversationReplier(client, { ...placeOf(e), user: e.user })
  },
  async handle({ event, context, client }, reply, deps) {
    const e = event as ThreadMessage
    const place = placeOf(e)
    const question = questionText(e.text ?? '')
    if (!question) return
    const earlier = await deps.conversations.contextFor(client, place, e.ts, botIds(context))
    if (!earlier) return
    await answerQuestion(deps, {
      user: e.user,
      workspace: workspaceOf(context),
      channel: e.channel,
      question,
      reply,
      context: earlier,
      answered: (answer) => deps.conversations.remember(place, question, answer),
    })
  },
}
