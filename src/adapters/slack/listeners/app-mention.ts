import { answerQuestion } from '../ask.js'
import { fromSlackText } from '../mrkdwn.js'
import { conversationReplier } from '../reply.js'
import type { MentionListener } from './types.js'

/**
 * `@Explainer question` in a channel: answered in a thread under the message (or in the thread it
 * was written in). Mentions from bots, edits and other subtypes are left alone; the bot's own
 * messages never get here (Bolt's ignoreSelf drops them).
 */
export const appMention: MentionListener = {
  kind: 'app_mention',
  accepts: ({ event }) => !!event.user && !event.bot_id && !event.subtype && !event.edited,
  replier: ({ event, client }) =>
    conversationReplier(client, { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user ?? '', isDirect: false }),
  handle: ({ event, context }, reply, deps) => answerQuestion(deps, { user: event.user ?? '', question: fromSlackText(event.text, context.botUserId), reply }),
}
