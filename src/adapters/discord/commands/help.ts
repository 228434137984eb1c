import { ApplicationCommandType } from 'discord.js'
import { PRIVATELY } from '../format.js'
import { helpMessage } from '../messages.js'
import { IN_SERVERS_AND_DMS, type SlashCommand } from './types.js'

/** `/help`: what the bot does, how to ask and its limits, shown to the member who asked. */
export const help = {
  data: {
    name: 'help',
    type: ApplicationCommandType.ChatInput,
    description: 'What I do, how to ask me, and my limits',
    ...IN_SERVERS_AND_DMS,
  },
  async run(interaction, deps) {
    await interaction.reply({ ...helpMessage(deps.explainer.sources(), deps.rate, deps.example), ...PRIVATELY })
  },
} satisfies SlashCommand
