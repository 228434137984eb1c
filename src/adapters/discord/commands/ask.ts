import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js'
import { MAX_QUESTION_LENGTH } from '../../../core/answer.js'
import { answerInteraction, choicesFor } from '../answering.js'
import { DISCORD_LIMITS } from '../limits.js'
import { IN_SERVERS_AND_DMS, type SlashCommand } from './types.js'

/** `/ask question:<text> [private:<bool>]`, with autocomplete on `question`. */
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
    ],
    ...IN_SERVERS_AND_DMS,
  },
  async run(interaction, deps) {
    const question = interaction.options.getString('question', true)
    const ephemeral = interaction.options.getBoolean('private') ?? false
    await answerInteraction(deps, interaction, question, { ephemeral, title: question })
  },
  async autocomplete(interaction, deps) {
    const typed = String(interaction.options.getFocused())
    await interaction.respond(choicesFor(deps, typed, DISCORD_LIMITS.autocompleteChoices, DISCORD_LIMITS.choiceValue))
  },
} satisfies SlashCommand
