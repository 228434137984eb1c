import { DiscordAPIError, REST, Routes } from 'discord.js'
import { SetupError } from '../../config.js'
import { SLASH_COMMANDS } from './commands/index.js'
import { explainSetupError, isTokenRejected } from './setup-errors.js'

/**
 * Registers the slash commands (`npm run discord:deploy`). One PUT replaces the whole set, so a
 * command removed from commands/index.ts disappears from Discord too. On one server when a guild
 * id is given (instant: for development), else globally (every server and the bot's DMs).
 */

export type DeployTarget = { token: string; clientId: string; guildId?: string; apiUrl?: string }

export type Deployed = { names: string[]; scope: 'guild' | 'global' }

/** Discord's refusals, each said as what to fix. */
function explainRefusal(error: unknown, target: DeployTarget): unknown {
  if (isTokenRejected(error) || !(error instanceof DiscordAPIError)) return explainSetupError(error, target.apiUrl)
  if (error.status !== 403 && error.status !== 404) return error
  const where = target.guildId
    ? 'check DISCORD_CLIENT_ID, and that the bot was invited to the DISCORD_GUILD_ID server with the applications.commands scope'
    : 'check that DISCORD_CLIENT_ID is the Application ID of the bot whose token is in DISCORD_TOKEN'
  return new SetupError(`Discord refused to register the commands (${error.status} ${error.message}): ${where}`)
}

export async function deployCommands(target: DeployTarget): Promise<Deployed> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token)
  const route = target.guildId ? Routes.applicationGuildCommands(target.clientId, target.guildId) : Routes.applicationCommands(target.clientId)
  try {
    await rest.put(route, { body: SLASH_COMMANDS.map((c) => c.data) })
  } catch (error) {
    throw explainRefusal(error, target)
  }
  return { names: SLASH_COMMANDS.map((c) => c.data.name), scope: target.guildId ? 'guild' : 'global' }
}
