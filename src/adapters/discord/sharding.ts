import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { REST, type RESTGetAPIGatewayBotResult, Routes, ShardingManager } from 'discord.js'
import type { Logger } from './context.js'
import { explainSetupError } from './setup-errors.js'

/**
 * `npm run start:sharded`: one process per shard, as Discord requires past 2,500 servers. discord.js's
 * ShardingManager forks `file` with `shardArgs` once per shard (the child runs `start --shard`: the
 * plain Discord adapter, which reads its shard id and count from the environment the manager sets).
 */

export type ShardedOptions = {
  token: string
  apiUrl?: string
  /** The script each shard runs, and its arguments. */
  file: string
  shardArgs: string[]
  logger: Logger
  /** How long one shard may take to load the knowledge and become ready. */
  readyTimeoutMs?: number
}

export type RunningShards = { shards: number; stop(): Promise<void> }

/** Discord allows `max_concurrency` IDENTIFYs per 5 seconds: shards are started that far apart. */
const IDENTIFY_WINDOW_MS = 5_500

/**
 * How many shards Discord recommends, read with our own REST client: the manager's 'auto' asks
 * discord.com directly and would ignore DISCORD_API_URL. A wrong token fails here, in one line.
 */
async function gatewayInfo(token: string, apiUrl: string | undefined): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token)
  try {
    return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult
  } catch (error) {
    throw explainSetupError(error, apiUrl)
  }
}

/** Stops every shard for good: no respawn, and resolves when their processes have exited. */
async function stopAll(manager: ShardingManager): Promise<void> {
  manager.respawn = false
  const exits: Promise<unknown>[] = []
  for (const shard of manager.shards.values()) {
    const child = shard.process as ChildProcess | null
    if (child && child.exitCode === null && child.signalCode === null) exits.push(once(child, 'exit'))
    // kill() sends SIGTERM: each shard's `start` logs out cleanly on it.
    if (child) shard.kill()
  }
  await Promise.all(exits)
}

export async function startSharded(options: ShardedOptions): Promise<RunningShards> {
  const { shards, session_start_limit: limit } = await gatewayInfo(options.token, options.apiUrl)
  const totalShards = Math.max(1, shards)
  const manager = new ShardingManager(options.file, { totalShards, token: options.token, shardArgs: options.shardArgs, execArgv: [], respawn: false })
  manager.on('shardCreate', (shard) => {
    options.logger.info(`shard ${shard.id + 1} of ${totalShards} starting`)
    shard.on('death', () => {
      if (manager.respawn) options.logger.info(`shard ${shard.id + 1} of ${totalShards} stopped; starting it again`)
    })
    // A respawn that fails is reported as an 'error' event: unheard, it would end the manager.
    shard.on('error', (error) => options.logger.error(`shard ${shard.id + 1} of ${totalShards}: ${error.message}`))
  })
  const delay = Math.ceil(IDENTIFY_WINDOW_MS / Math.max(1, limit.max_concurrency))
  try {
    await manager.spawn({ amount: totalShards, delay, timeout: options.readyTimeoutMs ?? 120_000 })
  } catch (error) {
    await stopAll(manager)
    throw error
  }
  // Only now: a shard that fails to start is a setup problem to report, one that dies later a crash to recover from.
  manager.respawn = true
  return { shards: totalShards, stop: () => stopAll(manager) }
}
