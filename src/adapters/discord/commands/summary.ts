import { ApplicationCommandType } from 'discord.js'
import { OVERVIEW_QUESTION } from '../../../core/answer.js'
import { answerInteraction } from '../ask.js'
import { respondWithChoices } from '../choices.js'
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
  autocomplete: respondWithChoices,
} satisfies SlashCommand
