import type { Command } from '../command.js'
import { EXIT, SetupError, UsageError } from '../errors.js'
import { write } from '../output.js'

/** Where each missing setting comes from, said when it is missing. */
const MISSING_TOKEN = 'DISCORD_TOKEN is not set: copy the bot token from the Developer Portal (your application > Bot > Reset Token) into .env'
const MISSING_CLIENT_ID = 'DISCORD_CLIENT_ID is not set: copy the Application ID from the Developer Portal (your application > General Information) into .env'

/** `npm run discord:deploy`: registers /ask, /summary, /sources and /help with Discord. */
export const discordDeploy = {
  name: 'discord:deploy',
  synopsis: [''],
  summary: 'register the Discord slash commands: on the DISCORD_GUILD_ID server when set (instant), else globally',
  flags: {},
  details: [
    'Needs DISCORD_TOKEN and DISCORD_CLIENT_ID; DISCORD_GUILD_ID is optional (see .env.example).',
    'Run it again after upgrading: it replaces the whole set of commands.',
  ],
  async run({ args, config, io }) {
    if (args.positionals.length) throw new UsageError('discord:deploy takes no arguments: it reads DISCORD_TOKEN, DISCORD_CLIENT_ID and DISCORD_GUILD_ID')
    const discord = config.discord
    if (!discord) throw new SetupError(MISSING_TOKEN)
    if (!discord.clientId) throw new SetupError(MISSING_CLIENT_ID)
    // Imported here: every other command runs without loading discord.js.
    const { deployCommands, inviteUrl } = await import('../../adapters/discord/index.js')
    const { names, scope } = await deployCommands({ ...discord, clientId: discord.clientId })
    const where =
      scope === 'guild' ? `on server ${discord.guildId} (usable now)` : 'globally, in every server and in DMs (Discord clients may take a while to show them)'
    await write(io.stdout, `Registered ${names.map((n) => `/${n}`).join(', ')} ${where}.\nInvite the bot with: ${inviteUrl(discord.clientId)}\n`)
    return EXIT.ok
  },
} satisfies Command
