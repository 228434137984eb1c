import { ApplicationCommandType } from 'discord.js'
import { OVERVIEW_QUESTION } from '../../../core/answer.js'
import { answerInteraction, articleChoices } from '../ask.js'
import { DISCORD_LIMITS } from '../limits.js'
import { ARTICLE_OPTION, IN_SERVERS_AND_DMS, type SlashCommand } from './types.js'

/** `/summary [article:<title>]`: the overview (of one article, when picked), as an ordinary cited answer. */
export const summary = {
  data: {
    name: 'summary',
    type: ApplicationCommandType.ChatInput,
    description: 'An overview of the article, quoted from it',
    options: [ARTICLE_OPTION],
    ...IN_SERVERS_AND_DMS,
  },
  async run(interaction, deps) {
    const article = interaction.options.getString('article') ?? undefined
    await answerInteraction(deps, interaction, OVERVIEW_QUESTION, { ephemeral: false, title: 'Summary', ...(article ? { article } : {}) })
  },
  async autocomplete(interaction, deps) {
    await interaction.respond(articleChoices(deps, String(interaction.options.getFocused()), DISCORD_LIMITS.autocompleteChoices, DISCORD_LIMITS.choiceValue))
  },
} satisfies SlashCommand
