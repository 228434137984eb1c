import { questionText } from '../../shared/question-text.js'
import { answerQuestion } from '../ask.js'
import { conversationReplier } from '../reply.js'
import { isMemberSubtype } from './subtypes.js'
import type { MentionListener } from './types.js'

/**
 * `@Explainer question` in a channel: answered in a thread under the message (or in the thread it
 * was written in). A mention with a file attached or in a reply also sent to the channel is
 * answered too; mentions from bots, edits and other subtypes are left alone; the bot's own
 * messages never get here (Bolt's ignoreSelf drops them). A mention with no text gets the how-to.
 */
export const appMention: MentionListener = {
  kind: 'app_mention',
  accepts: ({ event }) => !!event.user && !event.bot_id && isMemberSubtype(event.subtype) && !event.edited,
  replier: ({ event, client }) =>
    conversationReplier(client, { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user ?? '', isDirect: false }),
  handle: ({ event, context }, reply, deps) => answerQuestion(deps, { user: event.user ?? '', question: questionText(event.text ?? ''), reply }),
}
