import type { Config } from '../../config.js'
import type { Explainer } from '../../core/explainer.js'
import type { Adapter, AdapterModule, RunningAdapter } from '../adapters.js'
import { KNOWLEDGE_FLAG } from '../args.js'
import { runChat } from '../chat.js'
import type { Command, Io } from '../command.js'
import { EXIT, UsageError } from '../errors.js'

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
  const running = await startAll(modules, explainer, config)
  io.stderr.write(`explainer: answering on ${adapters.map((a) => a.name).join(' and ')} (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await Promise.allSettled(running.map((r) => r.stop()))
  return EXIT.ok
}

export const start = {
  name: 'start',
  synopsis: ['[--knowledge DIR]'],
  summary: 'what `npm start` runs: the Discord and Slack bots whose tokens are set, else the terminal chat',
  flags: { knowledge: KNOWLEDGE_FLAG },
  details: ['DISCORD_TOKEN starts the Discord bot; SLACK_BOT_TOKEN the Slack bot (see .env.example). With neither, the terminal chat opens.'],
  async run({ args, config, io, explainer, adapters }) {
    if (args.positionals.length) throw new UsageError('start takes no arguments besides --knowledge')
    const wanted = adapters.filter((a) => a.isConfigured(config))
    if (!wanted.length) return runChat(await explainer(), io)
    // Adapters load before the knowledge: a missing one is reported at once, not after indexing.
    const modules: AdapterModule[] = []
    for (const adapter of wanted) modules.push(await adapter.load())
    return serve(wanted, modules, await explainer(), config, io)
  },
} satisfies Command
