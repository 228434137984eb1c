import type { AdapterModule, RunningAdapter } from '../adapters/shared/port.js'
import type { Config } from '../config.js'
import { SetupError } from './errors.js'

/**
 * What an adapter module exports (src/adapters/discord/index.ts, src/adapters/slack/index.ts):
 * the port of adapters/shared/port.ts, which each adapter's index.ts `satisfies`.
 */
export type { AdapterModule, RunningAdapter }

/**
 * One platform `start` can serve. `load` is a dynamic import() so answering a question on the
 * command line never loads discord.js or @slack/bolt.
 */
export type Adapter = {
  name: string
  /** The variable that turns it on, named in messages. */
  variable: string
  isConfigured(config: Config): boolean
  load(): Promise<AdapterModule>
}

/** Whether an import failed because `specifier` itself is missing, not one of its own imports. */
function isMissing(error: unknown, specifier: string): boolean {
  const e = error as NodeJS.ErrnoException
  const target = specifier.replace(/^\.\//, '').replace(/\.js$/, '')
  return e?.code === 'ERR_MODULE_NOT_FOUND' && typeof e.message === 'string' && e.message.includes(target)
}

/**
 * Imports an adapter module and turns "not there" into a line the operator can act on. `importer`
 * is a literal `() => import('./adapters/…')` written where the adapters are listed (main.ts), so
 * the path is relative to that file and the build's bundler (scripts/bundle.mjs) can see and
 * include the module; `specifier` is the same path, for the messages.
 */
async function loadAdapter(adapter: Omit<Adapter, 'load'>, specifier: string, importer: () => Promise<unknown>): Promise<AdapterModule> {
  let mod: unknown
  try {
    mod = await importer()
  } catch (error) {
    if (isMissing(error, specifier))
      throw new SetupError(`${adapter.variable} is set but the ${adapter.name} adapter is not built yet: unset it to use the terminal chat`)
    // ERR_MODULE_NOT_FOUND from an ES module's import; MODULE_NOT_FOUND from require(), which is
    // how the bundle (dist/explainer.cjs) loads discord.js and Bolt.
    const code = (error as NodeJS.ErrnoException)?.code
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new SetupError(`the ${adapter.name} adapter cannot load a package it needs (${(error as Error).message}): run npm install`)
    throw error
  }
  const start = (mod as Partial<AdapterModule> | undefined)?.start
  if (typeof start !== 'function') throw new SetupError(`the ${adapter.name} adapter (${specifier}) exports no start(explainer, config) function`)
  return mod as AdapterModule
}

/** An adapter whose module is imported only when `start` needs it. */
export function lazyAdapter(adapter: Omit<Adapter, 'load'>, specifier: string, importer: () => Promise<unknown>): Adapter {
  return { ...adapter, load: () => loadAdapter(adapter, specifier, importer) }
}
