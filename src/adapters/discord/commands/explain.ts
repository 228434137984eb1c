import { ApplicationCommandOptionType, ApplicationCommandType, type ButtonInteraction } from 'discord.js'
import { VIEW_NAMES, type ViewName, viewsOf } from '../../../core/views/index.js'
import { waitBeforeAsking } from '../../shared/port.js'
import { respondWithChoices } from '../choices.js'
import type { Deps } from '../context.js'
import { PRIVATELY } from '../format.js'
import { DISCORD_LIMITS } from '../limits.js'
import { expiredButtonMessage, slowDownMessage } from '../messages.js'
import { VIEW_BUTTON } from '../view-ids.js'
import { viewMessage } from '../view-message.js'
import { IN_SERVERS_AND_DMS, type SlashCommand } from './types.js'

/**
 * `/explain view:<who's who | timeline | key numbers | quotes> [person] [article]`: an explainer
 * view as embeds, paged with Previous/Next buttons; `person` (autocompleted from the people the
 * article names and quotes) filters quotes and who's who; `article` (autocompleted by title)
 * chooses among several articles, and without it the bot asks which, with a button per article.
 */
const LABELS: Record<ViewName, string> = { who: "who's who", timeline: 'timeline', numbers: 'key numbers', quotes: 'quotes' }

export const explain = {
  data: {
    name: 'explain',
    type: ApplicationCommandType.ChatInput,
    description: "The article at a glance: who's who, timeline, key numbers or quotes, each item quoted",
    options: [
      {
        name: 'view',
        type: ApplicationCommandOptionType.String,
        description: 'Which view',
        required: true,
        choices: VIEW_NAMES.map((v) => ({ name: LABELS[v], value: v })),
      },
      {
        name: 'person',
        type: ApplicationCommandOptionType.String,
        description: 'Only this person (quotes, who’s who)',
        required: false,
        autocomplete: true,
        max_length: DISCORD_LIMITS.choiceValue,
      },
      {
        name: 'article',
        type: ApplicationCommandOptionType.String,
        description: 'Which article, when I know several',
        required: false,
        autocomplete: true,
        max_length: DISCORD_LIMITS.choiceValue,
      },
    ],
    ...IN_SERVERS_AND_DMS,
  },
  async run(interaction, deps) {
    const wait = await waitBeforeAsking(deps, interaction.user.id)
    if (wait) {
      await interaction.reply({ ...slowDownMessage(wait.seconds), ...PRIVATELY })
      return
    }
    const view = interaction.options.getString('view', true) as ViewName
    const name = interaction.options.getString('person') ?? undefined
    const article = interaction.options.getString('article') ?? undefined
    // Views are worked out in milliseconds (and kept), far inside the 3 seconds of an interaction.
    const result = viewsOf(deps.explainer.knowledge).get(VIEW_NAMES.includes(view) ? view : 'who', { name, article })
    await interaction.reply(viewMessage(result, 0, deps.viewIds))
  },
  autocomplete: respondWithChoices,
  buttonIds: VIEW_BUTTON,
  /** Previous/Next and "which article?" buttons: the message is replaced by the page asked for. */
  async button(interaction: ButtonInteraction, deps: Deps) {
    const page = deps.viewIds.decode(interaction.customId)
    if (!page || 'expired' in page) {
      await interaction.reply({ ...expiredButtonMessage(), ...PRIVATELY })
      return
    }
    const result = viewsOf(deps.explainer.knowledge).get(page.view, { name: page.name, article: page.article })
    await interaction.update(viewMessage(result, page.page, deps.viewIds))
  },
} satisfies SlashCommand
