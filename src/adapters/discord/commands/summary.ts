import { ApplicationCommandType } from 'discord.js'
import { OVERVIEW_QUESTION } from '../../../core/answer.js'
import { answerInteraction } from '../answering.js'
import { IN_SERVERS_AND_DMS, type SlashCommand } from './types.js'

/** `/summary`: the overview, as an ordinary cited answer. */
export const summary = {
  data: {
    name: 'summary',
    type: ApplicationCommandType.ChatInput,
    description: 'An overview of the article, quoted from it',
    ...IN_SERVERS_AND_DMS,
  },
  async run(interaction, deps) {
    await answerInteraction(deps, interaction, OVERVIEW_QUESTION, { ephemeral: false, title: 'Summary' })
  },
} satisfies SlashCommand
