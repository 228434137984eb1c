/**
 * The one place that wires the program: environment, configuration, knowledge, adapters and the
 * command to run. Everything it joins knows nothing of the others.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import dotenv from 'dotenv'
import { type Adapter, lazyAdapter } from './cli/adapters.js'
import type { Io } from './cli/command.js'
import { COMMANDS } from './cli/commands/index.js'
import { resolveInvocation } from './cli/dispatch.js'
import { describeError, SetupError } from './cli/errors.js'
import { resolveKnowledgeDir } from './cli/knowledge-dir.js'
import { progressReporter } from './cli/progress.js'
import { type Config, isDebug, readConfig, storeSettings } from './config.js'
import { KnowledgeError } from './core/errors.js'
import { type Explainer, explainerFor } from './core/explainer.js'
import type { KnowledgeBase } from './core/knowledge-base.js'
import type { ArticleSource } from './knowledge/load-knowledge.js'
import { PROJECT_DIR } from './project.js'
import type { OpenedStore } from './store/open-store.js'

/**
 * The platforms `start` serves, each behind a dynamic import(): answering on the command line
 * never loads discord.js or @slack/bolt. Each import() is written out here, path and all, so the
 * path is relative to this file and the bundler sees it (in the bundle the adapter's code is
 * there but runs only when imported; discord.js and Bolt stay outside it, loaded then).
 */
const ADAPTERS: readonly Adapter[] = [
  lazyAdapter(
    { name: 'Discord', variable: 'DISCORD_TOKEN', isConfigured: (c) => c.discord !== undefined },
    './adapters/discord/index.js',
    () => import('./adapters/discord/index.js'),
  ),
  lazyAdapter(
    { name: 'Slack', variable: 'SLACK_BOT_TOKEN', isConfigured: (c) => c.slack !== undefined },
    './adapters/slack/index.js',
    () => import('./adapters/slack/index.js'),
  ),
]

/** Quietly: dotenv 17+ logs a line on every load, which would land in the answers' output. */
function loadDotenv(): void {
  const { error } = dotenv.config({ quiet: true })
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (error && code !== 'ENOENT') throw new SetupError(`.env: cannot be read (${code ?? error.message}): fix or remove it`)
}

/**
 * Saved indexes go in the project's .explainer-cache/, keyed by the code that compiles articles
 * (code-key.ts), so a changed compiler never trusts an index an older one saved.
 */
const HERE = dirname(fileURLToPath(import.meta.url))

/**
 * The bundle (scripts/bundle.mjs) sets this to the key of the files it was made from, worked out
 * at build time: a start then lists and hashes no file. Unbundled (dist/main.js) it is not defined.
 */
declare const EXPLAINER_CODE_KEY: string | undefined

/** Below this many articles the saved index goes unmentioned: it is an implementation detail there. */
const QUIET_BELOW = 50

/** The knowledge a serving bot answers from, once loaded: `/healthz` reports on it. */
let live: import('./knowledge/live-knowledge.js').LiveKnowledge | undefined

/** A loaded knowledge folder: what answers from it, and (loaded once) the files its articles came from. */
type Loaded = { explainer: Explainer; files: readonly ArticleSource[] }

/**
 * Loads the knowledge: once for a command that answers and exits; for a serving bot ('live'),
 * watched and reloaded as the folder changes (and on SIGHUP), with broken articles left out.
 */
async function buildExplainer(dir: string, io: Io, cacheDir: string, mode: 'once' | 'quiet' | 'live' = 'once'): Promise<Loaded> {
  const progress = mode === 'quiet' ? undefined : progressReporter(io.stderr)
  const onProgress = progress?.onProgress
  const note = (line: string) => io.stderr.write(`explainer: ${line}\n`)
  let kb: KnowledgeBase
  let files: readonly ArticleSource[]
  let sentences = 0
  try {
    const { openKnowledge } = await import('./knowledge/open-knowledge.js')
    const code =
      typeof EXPLAINER_CODE_KEY === 'string'
        ? EXPLAINER_CODE_KEY
        : (await import('./knowledge/code-key.js')).codeKeyOfImports([join(HERE, 'knowledge', 'open-knowledge.js')], HERE)
    // Even one article loads faster from its saved index (stat, read, assemble) than it compiles.
    const options = {
      cacheDir,
      code,
      ...(onProgress ? { onProgress } : {}),
      onNote: note,
      quietBelow: QUIET_BELOW,
      onSkip: note,
    }
    if (mode === 'live') {
      const { LiveKnowledge } = await import('./knowledge/live-knowledge.js')
      const reloading = await LiveKnowledge.open(dir, { ...options, log: note })
      live = reloading
      reloading.watch()
      process.on('SIGHUP', () => {
        note('SIGHUP: reloading the knowledge')
        void reloading.reload()
      })
      progress?.finish(reloading.compiledFacts)
      return { explainer: reloading.explainer, files: [] }
    }
    const opened = openKnowledge(dir, options)
    kb = opened.kb
    files = opened.listing.sources
    sentences = opened.compiledFacts
  } catch (error) {
    // loadKnowledge words its own problems; a bare file-system error (a folder it may not list) is worded here.
    const e = error as NodeJS.ErrnoException
    if (error instanceof KnowledgeError || typeof e?.code !== 'string') throw error
    throw new SetupError(`${e.path ?? dir}: cannot be read (${e.code}): check the path and its permissions`)
  }
  progress?.finish(sentences)
  return { explainer: explainerFor(kb), files }
}

/** Commands that keep serving chat platforms: one bad event must not end them. */
const LONG_RUNNING = new Set(['start', 'start:sharded'])
let serving = false

async function main(argv: readonly string[], io: Io): Promise<number> {
  const { command, args } = resolveInvocation(argv, COMMANDS)
  serving = LONG_RUNNING.has(command.name)
  loadDotenv()
  const config: Config = readConfig(process.env, PROJECT_DIR)
  const cacheDir = config.cacheDir ?? join(PROJECT_DIR, '.explainer-cache')
  let loaded: Loaded | undefined
  const load = async () => {
    loaded ??= await buildExplainer(resolveKnowledgeDir(args.string('knowledge'), config.knowledgeDir), io, cacheDir, serving ? 'live' : 'once')
    return loaded
  }
  const others = new Map<string, Explainer>()
  let store: Promise<OpenedStore> | undefined
  return command.run({
    args,
    config,
    io,
    adapters: ADAPTERS,
    health: () => live?.explainer.status?.(),
    store: (options) => {
      store ??= openTheStore(config, io, options?.prune)
      return store
    },
    explainer: async () => (await load()).explainer,
    articleFiles: async () => (await load()).files,
    explainerOf: async (dir) => {
      const known = others.get(dir)
      if (known) return known
      const { explainer: built } = await buildExplainer(dir, io, cacheDir, 'quiet')
      others.set(dir, built)
      return built
    },
  })
}

/** The store, imported only by the commands that serve: ask, eval and chat never load a database driver. */
async function openTheStore(config: Config, io: Io, prune = true): Promise<OpenedStore> {
  const { openStore } = await import('./store/open-store.js')
  return openStore(
    { store: storeSettings(config), ...(config.rateLimit ? { rateLimit: config.rateLimit } : {}) },
    { now: Date.now, log: (line) => io.stderr.write(`explainer: ${line}\n`), prune },
  )
}

/** The last word on any error: one `explainer: ` line, the stack only with DEBUG=1. */
function fail(error: unknown): void {
  const { line, exitCode, stack } = describeError(error, isDebug())
  process.stderr.write(`${line}\n${stack ? `${stack}\n` : ''}`)
  process.exitCode = exitCode
}

// A reader that stops early (`explainer ask --jsonl < qs | head`) is not an error worth a word.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    fail(error)
    process.exit()
  })
}
process.on('uncaughtException', (error) => {
  fail(error)
  process.exit()
})
// A bot that is serving logs a stray rejection (one bad event) and keeps answering everyone else.
process.on('unhandledRejection', (reason) => {
  if (serving) {
    const { line, stack } = describeError(reason, isDebug())
    process.stderr.write(`${line} (ignored: still serving)\n${stack ? `${stack}\n` : ''}`)
    return
  }
  fail(reason)
  process.exit()
})

/**
 * Standard input is opened only by a command that reads it: Node sets process.stdin up on first
 * use (a stream, and on a pipe or file the fs stream code), ~3 ms a one-question `ask` never needs.
 */
const io: Io = {
  get stdin() {
    return process.stdin
  },
  stdout: process.stdout,
  stderr: process.stderr,
}

/** Resolves once all written so far to `stream` has been handed to the system (writes keep their order). */
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()))

main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code
  // A command that has answered (anything but a serving bot) leaves at once when its output is
  // out, instead of letting Node take the heap apart object by object first: ~5 ms of a cold
  // `explainer ask`. Nothing is left to run: every command's work, saving the index too, is done.
  if (!serving) void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit())
}, fail)
