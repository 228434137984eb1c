import type { Health } from '../adapters/shared/health.js'
import type { Config } from '../config.js'
import type { Explainer } from '../core/explainer.js'
import type { ArticleSource } from '../knowledge/load-knowledge.js'
import type { OpenedStore } from '../store/open-store.js'
import type { Adapter } from './adapters.js'
import type { FlagSpecs, ParsedArgs } from './args.js'

/** The process's streams, passed in so a command never reaches for globals it was not given. */
export type Io = {
  stdin: NodeJS.ReadStream
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
}

export type CommandContext = {
  args: ParsedArgs
  config: Config
  io: Io
  /** Loads the knowledge and builds the index on first call: commands that need no articles pay nothing. */
  explainer(): Promise<Explainer>
  /**
   * The article files explainer() was loaded from (loading it first): where each article's
   * aliases file is, for `report`, without listing the folder again. Empty for a serving bot,
   * whose files change with each reload.
   */
  articleFiles(): Promise<readonly ArticleSource[]>
  /** The same for another folder of articles (each of an eval folder's sets), built once per folder. */
  explainerOf(dir: string): Promise<Explainer>
  /** The platform adapters main.ts knows, for `start`. */
  adapters: readonly Adapter[]
  /** What /healthz reports: undefined until a serving bot's knowledge has loaded. */
  health: Health
  /**
   * Opens the store (question log, votes, shared state) on first call; only the serving commands
   * call it. Throws SetupError when it cannot be opened or migrated: the bot must not start then.
   * `prune: false` for a process that leaves deleting old rows to another (open-store.ts).
   */
  store(options?: { prune?: boolean }): Promise<OpenedStore>
}

/**
 * A subcommand, declared as data: `help` and the argument parser read the same declaration, so the
 * usage text cannot drift from what is accepted. `run` resolves to the exit code, or throws a
 * UsageError / SetupError for main.ts to report.
 */
export type Command = {
  name: string
  /** The arguments after the name, as help shows them: one line per way of calling it. */
  synopsis: readonly string[]
  summary: string
  flags: FlagSpecs
  /** Lines of examples and notes shown by `explainer help NAME`. */
  details?: readonly string[]
  run(ctx: CommandContext): Promise<number>
}
