import { join } from 'node:path'
import { PROJECT_DIR } from '../../project.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import type { Command } from '../command.js'
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
    const { args, config, io } = ctx
    if (args.positionals.length) throw new UsageError('start:sharded takes no arguments besides --knowledge')
    if (!config.discord) throw new SetupError('start:sharded runs the Discord bot: set DISCORD_TOKEN (see .env.example)')
    const knowledge = args.string('knowledge')
    // Opened (and migrated) once here, before any shard: a broken store stops the bot with one
    // line, and the shards, started one after another, find it up to date.
    await (await ctx.store()).store.close()
    // The adapter's entry point, imported here: every other command runs without loading discord.js.
    const { startSharded: spawnShards, discordLogger } = await import('../../adapters/discord/index.js')
    let running: Awaited<ReturnType<typeof spawnShards>>
    try {
      running = await spawnShards({
        token: config.discord.token,
        ...(config.discord.apiUrl ? { apiUrl: config.discord.apiUrl } : {}),
        file: BIN,
        shardArgs: ['start', '--shard', ...(knowledge ? ['--knowledge', knowledge] : [])],
        logger: discordLogger(config.debug),
      })
    } catch (error) {
      if (isShardFailure(error)) throw new SetupError(`${(error as Error).message.replace(/\.$/, '')}: its own error is above`)
      throw error
    }
    io.stderr.write(`explainer: answering on Discord with ${running.shards} shard${running.shards === 1 ? '' : 's'} (Ctrl-C to stop)\n`)
    await untilStopped()
    await running.stop()
    return EXIT.ok
  },
} satisfies Command
