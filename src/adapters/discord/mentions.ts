import type { Client, Message } from 'discord.js'
import type { Answer } from '../../core/types.js'
import { startWaitCheck } from '../shared/port.js'
import { questionText } from '../shared/question-text.js'
import { isVotable } from '../shared/record.js'
import { viewReplyFor } from './ask.js'
import type { Deps } from './context.js'
import { answerMessage } from './format.js'
import { guarded } from './guard.js'
import { errorMessage, howToMessage, slowDownMessage } from './messages.js'
import { logAnswer, startAsking } from './store.js'

/**
 * Mentions in channels and direct messages. Both carry their text without the privileged Message
 * Content intent: Discord sends the content of a message to a bot it mentions and of a DM to it.
 * A reply to one of the bot's answers with the reply ping on mentions the bot too: it is a
 * follow-up, read in the context of its reply chain. Every other server message arrives with empty
 * content and is ignored at once.
 */

/** The question in a message: every mention (the bot's, members', roles', channels') out (question-text.ts). */
function questionFrom(message: Message): string {
  return questionText(message.content)
}

/** Whether a message is for the bot: a DM, or a server message that mentions it; never a bot's. */
function isForBot(message: Message, botId: string): boolean {
  if (message.author.bot || message.author.id === botId || message.system) return false
  return !message.inGuild() || message.mentions.users.has(botId)
}

/**
 * A message cannot be answered privately, so "slow down" is said once per wait: a member who
 * keeps going gets one reply, not one per message. Entries end with their wait.
 */
function slowDownOnce(now: () => number) {
  const quietUntil = new Map<string, number>()
  return (userId: string, waitMs: number): boolean => {
    const t = now()
    for (const [user, until] of quietUntil) if (until <= t) quietUntil.delete(user)
    if (quietUntil.has(userId)) return false
    quietUntil.set(userId, t + waitMs)
    return true
  }
}

export function messageHandler(deps: Deps, client: Client<true>): (message: Message) => Promise<void> {
  const shouldWarn = slowDownOnce(deps.now)
  const answer = async (message: Message, botId: string) => {
    // A bare mention counts too: its how-to is a reply like any other, and a member must not be able to make the bot post it without end.
    // The answer is worked out while the rate-limit check travels (startWaitCheck); nothing is sent before it is decided.
    const pending = await startWaitCheck(deps, message.author.id)
    const refused = async (): Promise<boolean> => {
      const wait = await pending.decided
      if (wait && shouldWarn(message.author.id, wait.ms)) await message.reply(slowDownMessage(wait.seconds))
      return wait !== undefined
    }
    const question = questionFrom(message)
    // A reply's chain may be read back from Discord: a member asking too fast costs no request.
    if (message.reference && (await refused())) return
    if (!question) return (await refused()) ? undefined : message.reply(howToMessage(`<@${botId}>`, deps.example))
    // A reply to an answer goes on from its chain, a DM from its recent turns (conversations.ts).
    const earlier = await deps.conversations.contextFor(message, botId)
    const asking = startAsking(deps, message, question)
    // "who's who?", "what did Meyer say?": the view, as /explain shows it; still a turn of the conversation.
    const view = viewReplyFor(deps, question)
    const answer = view ? undefined : deps.explainer.ask(question, earlier)
    if (await refused()) return
    const votes = answer && isVotable(answer) ? { questionId: asking.id } : {}
    const sent = await message.reply(view ?? answerMessage(answer as Answer, { ids: deps.ids, knownTitles: deps.knownTitles, urlOf: deps.urlOf, ...votes }))
    if (answer) logAnswer(deps, asking, answer)
    deps.conversations.remember(message, sent, earlier, question, answer)
  }
  return async (message) => {
    const botId = client.user.id
    if (!isForBot(message, botId)) return
    await guarded(
      deps.logger,
      message.inGuild() ? 'a mention' : 'a direct message',
      () => answer(message, botId),
      () => message.reply(errorMessage()),
    )
  }
}
