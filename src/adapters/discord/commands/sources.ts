import { ApplicationCommandType } from 'discord.js'
import { PRIVATELY } from '../format.js'
import { sourcesMessage } from '../messages.js'
import { IN_SERVERS_AND_DMS, type SlashCommand } from './types.js'

/** `/sources`: the articles the bot knows (title, outlet, link), shown to the member who asked. */
export const sources = {
  data: {
    name: 'sources',
    type: ApplicationCommandType.ChatInput,
    description: 'The articles I answer from: title, outlet and link',
    ...IN_SERVERS_AND_DMS,
  },
  async run(interaction, deps) {
    await interaction.reply({ ...sourcesMessage(deps.explainer.sources()), ...PRIVATELY })
  },
} satisfies SlashCommand
