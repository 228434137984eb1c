import type { RepliableInteraction } from 'discord.js'
import { guarded } from '../shared/guard.js'
import type { Logger } from './context.js'
import { PRIVATELY } from './format.js'
import { errorMessage } from './messages.js'

/** Every listener runs through shared/guard.ts's `guarded`: one bad event never ends the process. */
export { guarded }

/** An event listener that can never reject, for client.on(). */
export function listener<A extends unknown[]>(logger: Logger, what: string, handler: (...args: A) => Promise<unknown>): (...args: A) => void {
  return (...args) => void guarded(logger, what, () => handler(...args))
}

/**
 * The short private error, wherever the interaction stands. A deferred public reply cannot turn
 * private, and the first follow-up after a deferral edits it: so the "thinking…" message is
 * deleted first, then the member alone is told.
 */
export async function replyWithError(interaction: RepliableInteraction): Promise<void> {
  const message = { ...errorMessage(), ...PRIVATELY }
  if (interaction.replied) {
    await interaction.followUp(message)
  } else if (interaction.deferred && interaction.ephemeral) {
    await interaction.editReply(errorMessage())
  } else if (interaction.deferred) {
    await interaction.deleteReply()
    await interaction.followUp(message)
  } else {
    await interaction.reply(message)
  }
}
