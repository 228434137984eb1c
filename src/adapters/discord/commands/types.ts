import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js'
import type { Deps } from '../context.js'

/**
 * A slash command, declared as data: `data` is exactly what `discord:deploy` registers, and the
 * router finds the handler by the same name, so what members see cannot drift from what is served.
 */
export type SlashCommand = {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody
  run(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void>
  /** Suggestions for the focused option; must answer within 3 seconds and cannot be deferred. */
  autocomplete?(interaction: AutocompleteInteraction, deps: Deps): Promise<void>
  /** The command's own buttons (pages of a view), told apart by `buttonIds`; other buttons are follow-ups. */
  buttonIds?: RegExp
  button?(interaction: ButtonInteraction, deps: Deps): Promise<void>
}

/**
 * Where the commands can be used: in servers and in the bot's DMs (global commands only; a
 * guild's commands stay in that guild). Installed to servers only: a user install (context 2,
 * "private channels") would answer where the bot is not a member and is not set up.
 */
export const IN_SERVERS_AND_DMS = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies Partial<RESTPostAPIChatInputApplicationCommandsJSONBody>

/**
 * `article:<title>` on /ask and /summary (named as /explain names it): which article answers, when
 * the bot knows several; autocompleted by title (at most 25 choices), the slug as the value.
 */
export const ARTICLE_OPTION = {
  name: 'article',
  type: ApplicationCommandOptionType.String,
  description: 'Which article, when I know several',
  required: false,
  autocomplete: true,
  max_length: 100,
} as const
