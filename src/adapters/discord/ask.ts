import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js'
import type { Answer } from '../../core/types.js'
import { viewForQuestion } from '../../core/views/index.js'
import { startWaitCheck } from '../shared/port.js'
import { isVotable } from '../shared/record.js'
import type { Deps } from './context.js'
import { answerMessage, type DiscordMessage, PRIVATELY } from './format.js'
import { DISCORD_TIMING } from './limits.js'
import { expiredButtonMessage, slowDownMessage } from './messages.js'
import { logAnswer, startAsking } from './store.js'
import { viewMessage } from './view-message.js'

/** The one question path for /ask, /summary and follow-up buttons: rate limit, acknowledge, answer. */

type AskingInteraction = ChatInputCommandInteraction | ButtonInteraction

export type AskOptions = {
  /** Only the member sees the answer. */
  ephemeral: boolean
  /** The title the answer shows; Discord shows the typed command itself, a button click it does not. */
  title?: string
  /** The article picked with the command's `article` option (a slug): only it answers. */
  article?: string
}

export async function answerInteraction(deps: Deps, interaction: AskingInteraction, question: string, options: AskOptions): Promise<void> {
  const pending = await startWaitCheck(deps, interaction.user.id)
  const started = Date.now()
  const asking = startAsking(deps, interaction, question)
  // "who's who?", "what did Meyer say?": the view; still a turn a reply can follow up.
  const view = options.article === undefined ? viewReplyFor(deps, question) : undefined
  const answer = view ? undefined : deps.explainer.ask(question, [], options.article === undefined ? {} : { article: options.article })
  const wait = await pending.decided
  if (wait) {
    await interaction.reply({ ...slowDownMessage(wait.seconds), ...PRIVATELY })
    return
  }
  const votes = answer && isVotable(answer) ? { questionId: asking.id } : {}
  const message =
    view ?? answerMessage(answer as Answer, { question: options.title, ids: deps.ids, knownTitles: deps.knownTitles, urlOf: deps.urlOf, ...votes })
  const privately = options.ephemeral ? PRIVATELY : {}
  let sent: { id: string } | undefined
  if (Date.now() - started <= DISCORD_TIMING.answerInFirstReplyMs) {
    // The answer is the first reply: one request, no "Explainer is thinking…" flash.
    const response = await interaction.reply({ ...message, ...privately, withResponse: true })
    sent = response.resource?.message ?? undefined
  } else {
    // Too slow for the first reply's window (a stalled process): acknowledge, then edit the answer in.
    await interaction.deferReply(privately)
    sent = await interaction.editReply(message)
  }
  if (answer) logAnswer(deps, asking, answer)
  // A reply to this answer (with the ping on) is a follow-up of it.
  if (!options.ephemeral && sent) deps.conversations.remember(undefined, sent, [], question, answer)
}

/** A question that asks for a view in words ("who's who?", "what did Price say?") gets the view's first page. */
export function viewReplyFor(deps: Deps, question: string): DiscordMessage | undefined {
  const result = viewForQuestion(deps.explainer.knowledge, question)
  return result && viewMessage(result, 0, deps.viewIds)
}

/** A follow-up button: asks its question as a new reply, private if the answer it sits under was. */
export async function clickFollowUp(deps: Deps, interaction: ButtonInteraction): Promise<void> {
  const click = deps.ids.decode(interaction.customId)
  if (!click || 'expired' in click) {
    await interaction.reply({ ...expiredButtonMessage(), ...PRIVATELY })
    return
  }
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral)
  await answerInteraction(deps, interaction, click.question, { ephemeral, title: click.question })
}
