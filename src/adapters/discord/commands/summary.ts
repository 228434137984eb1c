import { ApplicationCommandType } from 'discord.js'
import { answerInteraction } from '../answering.js'
import { IN_SERVERS_AND_DMS, type SlashCommand } from './types.js'

/** What the core answers with the article's overview (its own word for it). */
export const SUMMARY_QUESTION = 'summary'

/** `/summary`: the overview, as an ordinary cited answer. */
export const summary = {
  data: {
    name: 'summary',
    type: ApplicationCommandType.ChatInput,
    description: 'An overview of the article, quoted from it',
    ...IN_SERVERS_AND_DMS,
  },
  async run(interaction, deps) {
    await answerInteraction(deps, interaction, SUMMARY_QUESTION, { ephemeral: false, title: 'Summary' })
  },
} satisfies SlashCommand
