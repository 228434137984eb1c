import type { ButtonInteraction, Interaction, Message } from 'discord.js'
import type { Answer } from '../../core/types.js'
import { type Asking, type Origin, recordQuestion, recordVote, VOTE_THANKS } from '../shared/record.js'
import type { Deps } from './context.js'
import { noteMessage, PRIVATELY } from './format.js'
import { expiredButtonMessage } from './messages.js'
import { voteOf } from './vote-ids.js'

/**
 * What the Discord adapter hands the store: each question asked (after its answer is sent) and
 * each 👍/👎 click. Nothing here waits for the store (shared/record.ts).
 */

/** The server ("dm" outside one), channel and member of a question, in clear: the store hashes them. */
function originOf(source: Interaction | Message): Origin {
  const member = 'author' in source ? source.author.id : source.user.id
  return { place: source.guildId ?? 'dm', channel: source.channelId ?? '', member }
}

/** A question about to be answered: its id is made now, for the buttons under its answer. */
export function startAsking(deps: Deps, source: Interaction | Message, question: string): Asking {
  return { id: deps.newId(), origin: originOf(source), question, startedAt: deps.now() }
}

/** Logs a question whose answer went out. */
export function logAnswer(deps: Deps, asking: Asking, answer: Answer): void {
  recordQuestion(deps, asking, answer, (error) => deps.logger.error('logging a question failed', error))
}

/**
 * A 👍/👎 click: thanked at once, privately, and stored as the member's vote on that answer (a
 * second click replaces the first). A malformed button stores nothing and says it has expired.
 */
export async function clickVote(deps: Deps, interaction: ButtonInteraction): Promise<void> {
  const click = voteOf(interaction.customId)
  if (!click) {
    await interaction.reply({ ...expiredButtonMessage(), ...PRIVATELY })
    return
  }
  recordVote(deps, { questionId: click.questionId, member: interaction.user.id, vote: click.vote }, (error) =>
    deps.logger.error('storing a vote failed', error),
  )
  await interaction.reply({ ...noteMessage(VOTE_THANKS), ...PRIVATELY })
}
