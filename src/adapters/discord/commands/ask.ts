import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js'
import { MAX_QUESTION_LENGTH } from '../../../core/answer.js'
import { answerInteraction } from '../ask.js'
import { respondWithChoices } from '../choices.js'
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
  // The focused option's own rule (choices.ts): the question, or the article.
  autocomplete: respondWithChoices,
} satisfies SlashCommand
