import { join } from 'node:path'
import type { DiscordConfig } from '../../config.js'
import { plural } from '../../plural.js'
import { PROJECT_DIR } from '../../project.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command, Io } from '../command.js'
import { EXIT, SetupError, UsageError } from '../errors.js'
import { untilStopped } from '../signals.js'

/** What each shard process runs: this program's own `start`, as one shard (see start.ts). */
const BIN = join(PROJECT_DIR, 'bin', 'explainer.js')

/** discord.js's own errors when a shard process dies or hangs before it is ready. */
const isShardFailure = (error: unknown) => /^Sharding/.test(String((error as { code?: unknown })?.code ?? ''))

/** `npm run start:sharded`: the Discord bot over as many processes as Discord recommends. */
export const startSharded = {
  name: 'start:sharded',
  synopsis: ['[--knowledge DIR]'],
  summary: 'the Discord bot in one process per shard, as Discord asks past 2,500 servers (ShardingManager)',
  flags: { knowledge: KNOWLEDGE_FLAG },
  details: [
    'Asks Discord how many shards the bot needs and starts `explainer start --shard` once for each; a shard that dies is started again.',
    'Each shard loads the knowledge itself. Ctrl-C or SIGTERM stops them all.',
  ],
  async run(ctx) {
    const { args, config } = ctx
    if (args.positionals.length) throw new UsageError('start:sharded takes no arguments besides --knowledge')
    if (!config.discord) throw new SetupError('start:sharded runs the Discord bot: set DISCORD_TOKEN (see .env.example)')
    const knowledge = args.string('knowledge')
    // Opened (and migrated) here, before any shard: a broken store stops the bot with one line,
    // and the shards, started one after another, find it up to date. Kept open while they serve:
    // this process is the one that prunes old rows (each shard opens it with pruning off).
    const opened = await ctx.store()
    try {
      return await serveShards(config.discord, config.debug, ctx.io, knowledge)
    } finally {
      await opened.store.close()
    }
  },
} satisfies Command

/** Starts the shards and serves until Ctrl-C or SIGTERM, then stops them all. */
async function serveShards(discord: DiscordConfig, debug: boolean, io: Io, knowledge: string | undefined): Promise<number> {
  // The adapter's entry point, imported here: every other command runs without loading discord.js.
  const { startSharded: spawnShards, discordLogger } = await import('../../adapters/discord/index.js')
  let running: Awaited<ReturnType<typeof spawnShards>>
  try {
    running = await spawnShards({
      token: discord.token,
      ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
      file: BIN,
      shardArgs: ['start', '--shard', ...(knowledge ? ['--knowledge', knowledge] : [])],
      logger: discordLogger(debug),
    })
  } catch (error) {
    if (isShardFailure(error)) throw new SetupError(`${(error as Error).message.replace(/\.$/, '')}: its own error is above`)
    throw error
  }
  io.stderr.write(`explainer: answering on Discord with ${plural(running.shards, 'shard')} (Ctrl-C to stop)\n`)
  await untilStopped()
  await running.stop()
  return EXIT.ok
}
