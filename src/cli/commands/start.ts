import type { Config } from '../../config.js'
import type { Explainer } from '../../core/explainer.js'
import type { Adapter, AdapterModule, RunningAdapter } from '../adapters.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import { runChat } from '../chat.js'
import type { Command, Io } from '../command.js'
import { EXIT, SetupError, UsageError } from '../errors.js'
import { asShard, hasManager } from '../shard.js'
import { untilStopped } from '../signals.js'

/** Starts every adapter, or none: one that fails stops those already started, then the error is reported. */
async function startAll(modules: AdapterModule[], explainer: Explainer, config: Config): Promise<RunningAdapter[]> {
  const started = await Promise.allSettled(modules.map((m) => m.start(explainer, config)))
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) {
    await Promise.allSettled(running.map((r) => r.stop()))
    throw failed.reason
  }
  return running
}

/** Serves until Ctrl-C or SIGTERM (what process managers send), then disconnects cleanly. */
async function serve(adapters: readonly Adapter[], modules: AdapterModule[], explainer: Explainer, config: Config, io: Io): Promise<number> {
  // Listen for Ctrl-C before connecting, so a stop that comes during start-up is not lost.
  const stopped = untilStopped()
  const running = await startAll(modules, explainer, config)
  io.stderr.write(`explainer: answering on ${adapters.map((a) => a.name).join(' and ')} (Ctrl-C to stop)\n`)
  await stopped
  await Promise.allSettled(running.map((r) => r.stop()))
  return EXIT.ok
}

/**
 * A shard (forked by start:sharded's ShardingManager) serves Discord only: the other platforms
 * run once, not once per shard.
 */
function shardAdapters(adapters: readonly Adapter[], config: Config): Adapter[] {
  if (!hasManager()) throw new UsageError('--shard is for the processes start:sharded starts: run npm run start:sharded')
  const discord = adapters.filter((a) => a.variable === 'DISCORD_TOKEN' && a.isConfigured(config))
  if (!discord.length) throw new SetupError('a shard runs the Discord bot: set DISCORD_TOKEN')
  return discord
}

export const start = {
  name: 'start',
  synopsis: ['[--knowledge DIR]'],
  summary: 'what `npm start` runs: the Discord and Slack bots whose tokens are set, else the terminal chat',
  flags: {
    knowledge: KNOWLEDGE_FLAG,
    shard: { type: 'boolean', description: 'run as one shard of start:sharded, which passes it: the Discord bot only' },
  },
  details: ['DISCORD_TOKEN starts the Discord bot; SLACK_BOT_TOKEN the Slack bot (see .env.example). With neither, the terminal chat opens.'],
  async run({ args, config, io, explainer, adapters }) {
    if (args.positionals.length) throw new UsageError('start takes no arguments besides --knowledge')
    const shard = args.bool('shard')
    const wanted = shard ? shardAdapters(adapters, config) : adapters.filter((a) => a.isConfigured(config))
    if (!wanted.length) return runChat(await explainer(), io)
    // Adapters load before the knowledge: a missing one is reported at once, not after indexing.
    const modules: AdapterModule[] = []
    for (const adapter of wanted) modules.push(await adapter.load())
    const served = async () => serve(wanted, modules, await explainer(), config, io)
    return shard ? asShard(served) : served()
  },
} satisfies Command
