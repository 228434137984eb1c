import type { Interaction } from 'discord.js'
import { clickFollowUp } from './ask.js'
import type { SlashCommand } from './commands/index.js'
import type { Deps } from './context.js'
import { PRIVATELY } from './format.js'
import { guarded, replyWithError } from './guard.js'
import { unknownCommandMessage } from './messages.js'
import { clickVote } from './store.js'
import { VOTE_BUTTON } from './vote-ids.js'

/**
 * Sends each interaction to its handler: slash commands by name, autocomplete to the command's
 * suggestions, buttons to their command's pages, to 👍/👎 or to the follow-ups. A handler that
 * throws is logged and the member gets a short private error; an autocomplete that throws gets an
 * empty list (it cannot show an error).
 */
export function interactionRouter(deps: Deps, commands: readonly SlashCommand[]): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((c) => [c.data.name, c]))
  const { logger } = deps
  return async (interaction) => {
    if (interaction.isChatInputCommand()) {
      const command = byName.get(interaction.commandName)
      const run = command ? () => command.run(interaction, deps) : () => interaction.reply({ ...unknownCommandMessage(), ...PRIVATELY })
      return guarded(logger, `/${interaction.commandName}`, run, () => replyWithError(interaction))
    }
    if (interaction.isAutocomplete()) {
      const complete = byName.get(interaction.commandName)?.autocomplete
      const run = complete ? () => complete(interaction, deps) : () => interaction.respond([])
      return guarded(logger, `autocomplete for /${interaction.commandName}`, run, async () => {
        if (!interaction.responded) await interaction.respond([])
      })
    }
    if (interaction.isButton()) {
      const own = commands.find((c) => c.buttonIds?.test(interaction.customId) && c.button)?.button
      const click = own
        ? () => own(interaction, deps)
        : VOTE_BUTTON.test(interaction.customId)
          ? () => clickVote(deps, interaction)
          : () => clickFollowUp(deps, interaction)
      // The custom_id is cut in the log line: it can carry a whole question.
      return guarded(logger, `button ${interaction.customId.slice(0, 60)}`, click, () => replyWithError(interaction))
    }
    // Every interaction answered: a menu, a modal or a context-menu command this version does not
    // serve gets a private "I don't know that" at once, not Discord's "This interaction failed".
    if (interaction.isRepliable()) {
      return guarded(
        logger,
        `interaction of type ${interaction.type}`,
        () => interaction.reply({ ...unknownCommandMessage(), ...PRIVATELY }),
        () => replyWithError(interaction),
      )
    }
  }
}
