import { ask } from './ask.js'
import { explain } from './explain.js'
import { help } from './help.js'
import { sources } from './sources.js'
import { summary } from './summary.js'
import type { SlashCommand } from './types.js'

/** Every slash command: what `discord:deploy` registers and what the router serves, in the order Discord lists them. */
export const SLASH_COMMANDS: readonly SlashCommand[] = [ask, explain, summary, sources, help]

export type { SlashCommand } from './types.js'
