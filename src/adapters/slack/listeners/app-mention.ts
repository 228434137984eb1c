import { questionText } from '../../shared/question-text.js'
import { answerQuestion, workspaceOf } from '../ask.js'
import { botIds, type Place } from '../conversations.js'
import { conversationReplier } from '../reply.js'
import { isMemberSubtype } from './subtypes.js'
import type { MentionArgs, MentionListener } from './types.js'

/** The thread a mention is answered in: the one it was written in, or a new one under it. */
const placeOf = ({ event }: MentionArgs): Place => ({ channel: event.channel, threadTs: event.thread_ts ?? event.ts, isDirect: false })

/**
 * `@Explainer question` in a channel: answered in a thread under the message (or in the thread it
 * was written in, read in that thread's context). The thread is the bot's from then on: plain
 * replies in it are follow-ups (thread-reply.ts). A mention with a file attached or in a reply also
 * sent to the channel is answered too; mentions from bots, edits and other subtypes are left alone;
 * the bot's own messages never get here (Bolt's ignoreSelf drops them). A mention with no text gets
 * the how-to.
 */
export const appMention: MentionListener = {
  kind: 'app_mention',
  accepts: ({ event }) => !!event.user && !event.bot_id && isMemberSubtype(event.subtype) && !event.edited,
  replier: (args) => conversationReplier(args.client, { ...placeOf(args), user: args.event.user ?? '' }),
  async handle(args, reply, deps) {
    const { event, context, client } = args
    const place = placeOf(args)
    const question = questionText(event.text ?? '')
    // A mention in a thread goes on from what was said in it; a mention at the top starts afresh.
    const earlier = event.thread_ts ? await deps.conversations.contextFor(client, place, event.ts, botIds(context)) : []
    await answerQuestion(deps, {
      user: event.user ?? '',
      workspace: workspaceOf(context),
      channel: event.channel,
      question,
      reply,
      context: earlier ?? [],
      answered: (answer) => deps.conversations.remember(place, question, answer),
    })
  },
}
