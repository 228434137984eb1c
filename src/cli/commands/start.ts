import type { Health } from '../../adapters/shared/health.js'
import { type Config, checkAll } from '../../config.js'
import type { Explainer } from '../../core/explainer.js'
import type { OpenedStore } from '../../store/open-store.js'
import type { Adapter, AdapterModule, RunningAdapter } from '../adapters.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command, Io } from '../command.js'
import { EXIT, SetupError, UsageError } from '../errors.js'

/** How long `start` waits before connecting again to a platform it could not reach: doubling, capped. */
export const RECONNECT = { firstMs: 2_000, maxMs: 60_000 }

const NOTHING_TO_DO =
  'no DISCORD_TOKEN or SLACK_BOT_TOKEN is set (looked in the environment and .env) and standard input is empty: set a token to serve Discord or Slack (see .env.example), or run npm start in a terminal to chat'

/** Waits `ms`, or less if `stopped` comes first; says whether the wait ran its course. */
function pause(ms: number, stopped: Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const waited = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), ms)
  })
  return Promise.race([waited, stopped.then(() => false)]).finally(() => clearTimeout(timer))
}

/**
 * Connects one platform. A platform out of reach is retried with backoff, one log line a try,
 * while the others serve; anything else (a rejected token, a port in use) is thrown, and stops
 * the process: waiting will not fix a configuration.
 */
async function connect(adapter: Adapter, module: AdapterModule, explainer: Explainer, config: Config, store: OpenedStore, io: Io, stopped: Promise<void>) {
  const { PlatformUnreachable } = await import('../../adapters/shared/errors.js')
  for (let wait = RECONNECT.firstMs; ; wait = Math.min(wait * 2, RECONNECT.maxMs)) {
    try {
      return await module.start(explainer, config, { store: store.store, shared: store.shared })
    } catch (error) {
      if (!(error instanceof PlatformUnreachable)) throw error
      io.stderr.write(`explainer: ${adapter.name}: ${error.message}; trying again in ${wait / 1000} s\n`)
      if (!(await pause(wait, stopped))) return undefined
    }
  }
}

/**
 * Serves until Ctrl-C or SIGTERM (what process managers send), then disconnects cleanly. Each
 * platform connects on its own: one out of reach does not keep the other from serving.
 */
async function serve(
  adapters: readonly Adapter[],
  modules: AdapterModule[],
  explainer: Explainer,
  config: Config,
  store: OpenedStore,
  io: Io,
): Promise<number> {
  const { untilStopped } = await import('../signals.js')
  // Listen for Ctrl-C before connecting, so a stop that comes during start-up is not lost.
  const stopped = untilStopped()
  const running: RunningAdapter[] = []
  let failure: { error: unknown } | undefined
  let fail: () => void = () => {}
  const failed = new Promise<void>((resolve) => {
    fail = resolve
  })
  const connecting = adapters.map(async (adapter, i) => {
    try {
      const r = await connect(adapter, modules[i], explainer, config, store, io, Promise.race([stopped, failed]))
      if (!r) return
      running.push(r)
      io.stderr.write(`explainer: answering on ${adapter.name} (Ctrl-C to stop)\n`)
    } catch (error) {
      failure ??= { error }
      fail()
    }
  })
  await Promise.race([stopped, failed])
  await Promise.allSettled(connecting)
  await Promise.allSettled(running.map((r) => r.stop()))
  if (failure) throw failure.error
  return EXIT.ok
}

/**
 * A shard (forked by start:sharded's ShardingManager) serves Discord only: the other platforms
 * run once, not once per shard.
 */
async function shardAdapters(adapters: readonly Adapter[], config: Config): Promise<Adapter[]> {
  const { hasManager } = await import('../shard.js')
  if (!hasManager()) throw new UsageError('--shard is for the processes start:sharded starts: run npm run start:sharded')
  const discord = adapters.filter((a) => a.variable === 'DISCORD_TOKEN' && a.isConfigured(config))
  if (!discord.length) throw new SetupError('a shard runs the Discord bot: set DISCORD_TOKEN')
  return discord
}

async function listenForHealth(port: number, health: Health, io: Io) {
  const { startHealthServer } = await import('../../adapters/shared/health.js')
  try {
    const server = await startHealthServer(port, health)
    io.stderr.write(`explainer: health check on http://localhost:${server.port}/healthz\n`)
    return server
  } catch (error) {
    throw new SetupError(`HEALTH_PORT ${port}: cannot listen (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): choose a free port`)
  }
}

export const start = {
  name: 'start',
  synopsis: ['[--knowledge DIR]'],
  summary: 'what `npm start` runs: the Discord and Slack bots whose tokens are set, else the terminal chat',
  flags: {
    knowledge: KNOWLEDGE_FLAG,
    shard: { type: 'boolean', description: 'run as one shard of start:sharded, which passes it: the Discord bot only' },
  },
  details: [
    'DISCORD_TOKEN starts the Discord bot; SLACK_BOT_TOKEN the Slack bot (see .env.example). With neither, the terminal chat opens.',
    'A platform out of reach is retried (2 s, doubling to a minute) while the other serves; a rejected token stops the program.',
  ],
  async run(ctx) {
    const { args, config, io, explainer, adapters } = ctx
    if (args.positionals.length) throw new UsageError('start takes no arguments besides --knowledge')
    // Serving reads every variable first: a malformed one is reported before anything connects.
    checkAll(config)
    const shard = args.bool('shard')
    const wanted = shard ? await shardAdapters(adapters, config) : adapters.filter((a) => a.isConfigured(config))
    if (!wanted.length) {
      const { runChat } = await import('../chat.js')
      const lines = await runChat(await explainer(), io)
      // Started by a service manager with no token and no input, the chat would end at once in silence.
      if (lines === 0 && io.stdin.isTTY !== true) throw new SetupError(NOTHING_TO_DO)
      return EXIT.ok
    }
    // Adapters load before the knowledge: a missing one is reported at once, not after indexing.
    const modules: AdapterModule[] = []
    for (const adapter of wanted) modules.push(await adapter.load())
    // The store opens (and migrates) before anything connects: a store that cannot open stops the bot.
    // A shard leaves deleting old rows to start:sharded's parent: one pruner, not one per shard.
    const opened = await ctx.store({ prune: !shard })
    // HEALTH_PORT answers before the knowledge loads: 503 while it does, then 200.
    // (Not in a shard of start:sharded: its shards share one environment, so one port.)
    const health = config.healthPort === undefined || shard ? undefined : await listenForHealth(config.healthPort, ctx.health, io)
    const served = async () => {
      try {
        return await serve(wanted, modules, await explainer(), config, opened, io)
      } finally {
        await health?.stop()
        await opened.store.close()
      }
    }
    if (!shard) return served()
    const { asShard } = await import('../shard.js')
    return asShard(served)
  },
} satisfies Command
