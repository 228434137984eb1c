import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Partials } from 'discord.js'
import { type Config, type DiscordConfig, SetupError } from '../../config.js'
import type { Explainer } from '../../core/explainer.js'
import { adapterDeps, type CommonOptions } from '../shared/common-deps.js'
import type { AdapterModule, RunningAdapter } from '../shared/port.js'
import { createFollowUpIds } from '../shared/question-keys.js'
import { CACHE_OPTIONS, sweepDmChannelsRegularly } from './caches.js'
import { SLASH_COMMANDS } from './commands/index.js'
import { type Deps, discordLogger, type Logger } from './context.js'
import { createConversations } from './conversations.js'
import { NO_PINGS } from './format.js'
import { listener } from './guard.js'
import { inviteUrl } from './invite.js'
import { DISCORD_LIMITS } from './limits.js'
import { messageHandler } from './mentions.js'
import { interactionRouter } from './router.js'
import { AUTHENTICATION_FAILED, explainSetupError, tokenRejected } from './setup-errors.js'
import { shieldPacketHandling } from './shield.js'
import { createViewIds } from './view-ids.js'

/**
 * The Discord adapter: connects a discord.js Client and turns slash commands, buttons, mentions
 * and DMs into explainer.ask() calls. main.ts starts it when DISCORD_TOKEN is set; `start` stops
 * it on SIGINT/SIGTERM through stop().
 */

export type DiscordOptions = CommonOptions & { logger?: Logger }

/**
 * Only the intents answering needs: Guilds (the servers and channels), GuildMessages (mentions)
 * and DirectMessages, with Partials.Channel because a DM channel is never cached before its first
 * message. Not MessageContent: mentions and DMs carry their text without it.
 */
export function createClient(config: DiscordConfig): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    // Set here and again on every message (format.ts): echoed text can never ping anyone.
    allowedMentions: NO_PINGS,
    // A reply to a message deleted meanwhile is still sent, as a plain message.
    failIfNotExists: false,
    // Every message in every channel arrives (GuildMessages), with its author: bounded caches (caches.ts).
    ...CACHE_OPTIONS,
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  })
}

function listen(client: Client, deps: Deps): void {
  const { logger } = deps
  // Without an 'error' listener an EventEmitter error would end the process; so would an
  // unreadable gateway event (shield.ts).
  if (!shieldPacketHandling(client, logger))
    logger.info('warning: this discord.js version has no WebSocketManager#handlePacket to guard: an event it cannot read will end the process')
  client.on(Events.Error, (error) => logger.error('client error', error))
  client.on(Events.ShardError, (error, shardId) => logger.error(`shard ${shardId}: connection error`, error))
  client.on(Events.Warn, (message) => logger.info(`warning: ${message}`))
  // discord.js reconnects by itself; this is the rare close it cannot recover from (a token reset meanwhile).
  client.on(Events.ShardDisconnect, ({ code }, shardId) =>
    logger.error(`shard ${shardId}: Discord closed the connection for good (${GatewayCloseCodes[code] ?? 'code'} ${code}); restart the bot`),
  )
  client.on(Events.InteractionCreate, listener(logger, 'an interaction', interactionRouter(deps, SLASH_COMMANDS)))
  // Handlers run only after ready, when client.user is set.
  client.on(Events.MessageCreate, listener(logger, 'a message', messageHandler(deps, client as Client<true>)))
  client.once(Events.ClientReady, (ready) => {
    // Under start:sharded every shard starts this: the link is logged once, by shard 0.
    if (ready.shard && !ready.shard.ids.includes(0)) return
    logger.info(`logged in as ${ready.user.tag}; invite it to a server with ${inviteUrl(ready.application.id)}`)
  })
}

/** Logs in and waits until the client is ready, or fails with the reason Discord gave. */
async function connect(client: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve())
    client.once(Events.ShardDisconnect, ({ code }) =>
      reject(
        code === AUTHENTICATION_FAILED
          ? tokenRejected()
          : new SetupError(`Discord closed the connection before the bot was ready: ${GatewayCloseCodes[code] ?? 'code'} ${code}`),
      ),
    )
  })
  await Promise.all([client.login(token), ready])
}

export async function start(explainer: Explainer, config: Config, options: DiscordOptions = {}): Promise<RunningAdapter> {
  if (!config.discord) throw new SetupError('DISCORD_TOKEN is not set: copy the bot token from the Developer Portal (Bot > Reset Token) into .env')
  // Also checks the first suggestions now rather than in the first autocomplete, which has 3 seconds and no deferral.
  const example = explainer.suggest('', 1)[0]
  // Before the logger: in a shard, the client knows its shard ids (client.shard), which every log line names.
  const client = createClient(config.discord)
  const logger = options.logger ?? discordLogger(config.debug, client.shard?.ids)
  const deps: Deps = adapterDeps(explainer, 'discord', config, options, ({ now }) => ({
    ids: createFollowUpIds({ maxLength: DISCORD_LIMITS.customId }),
    viewIds: createViewIds(),
    logger,
    example,
    conversations: createConversations({ now, onError: (message, error) => logger.error(message, error) }),
  }))
  listen(client, deps)
  const stopSweeping = sweepDmChannelsRegularly(client)
  const stop = () => {
    stopSweeping()
    return client.destroy()
  }
  try {
    await connect(client, config.discord.token)
  } catch (error) {
    await stop()
    throw explainSetupError(error, config.discord.apiUrl)
  }
  return { stop }
}

/** The port main.ts starts (shared/port.ts). */
export const discordAdapter = { start } satisfies AdapterModule

// What the CLI's operator commands need (discord:deploy, start:sharded), from this entry point
// rather than from the adapter's own files.
export { discordLogger } from './context.js'
export { deployCommands } from './deploy.js'
export { inviteUrl } from './invite.js'
export { startSharded } from './sharding.js'
