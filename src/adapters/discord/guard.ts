import type { RepliableInteraction } from 'discord.js'
import type { Logger } from './context.js'
import { PRIVATELY } from './format.js'
import { errorMessage } from './texts.js'

/**
 * One bad event must never end the process: main.ts exits on an unhandled rejection, and
 * discord.js calls listeners without awaiting them. Every listener runs through `guarded`.
 */

/** Runs `handler`; if it throws, logs the cause and runs `onError` (telling the member), which may fail too. */
export async function guarded(logger: Logger, what: string, handler: () => Promise<unknown>, onError?: () => Promise<unknown>): Promise<void> {
  try {
    await handler()
  } catch (error) {
    logger.error(`${what} failed`, error)
    if (!onError) return
    try {
      await onError()
    } catch (again) {
      logger.error(`could not tell the member that ${what} failed`, again)
    }
  }
}

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
