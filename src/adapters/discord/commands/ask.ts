import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js'
import { MAX_QUESTION_LENGTH } from '../../../core/answer.js'
import { answerInteraction, articleChoices, choicesFor } from '../ask.js'
import { DISCORD_LIMITS } from '../limits.js'
import { ARTICLE_OPTION, IN_SERVERS_AND_DMS, type SlashCommand } from './types.js'

/** `/ask question:<text> [private:<bool>] [article:<title>]`, with autocomplete on `question` and on `article` (by title). */
export const ask = {
  data: {
    name: 'ask',
    type: ApplicationCommandType.ChatInput,
    description: 'Ask a question about the article: the answer quotes it word for word',
    options: [
      {
        name: 'question',
        type: ApplicationCommandOptionType.String,
        description: 'What you want to know',
        required: true,
        max_length: MAX_QUESTION_LENGTH,
        autocomplete: true,
      },
      { name: 'private', type: ApplicationCommandOptionType.Boolean, description: 'Only you see the answer', required: false },
      ARTICLE_OPTION,
    ],
    ...IN_SERVERS_AND_DMS,
  },
  async run(interaction, deps) {
    const question = interaction.options.getString('question', true)
    const ephemeral = interaction.options.getBoolean('private') ?? false
    const article = interaction.options.getString('article') ?? undefined
    await answerInteraction(deps, interaction, question, { ephemeral, title: question, ...(article ? { article } : {}) })
  },
  async autocomplete(interaction, deps) {
    const focused = interaction.options.getFocused(true)
    if (focused.name === 'article') {
      await interaction.respond(articleChoices(deps, String(focused.value), DISCORD_LIMITS.autocompleteChoices, DISCORD_LIMITS.choiceValue))
      return
    }
    const typed = String(focused.value)
    await interaction.respond(choicesFor(deps, typed, DISCORD_LIMITS.autocompleteChoices, DISCORD_LIMITS.choiceValue))
  },
} satisfies SlashCommand
