import type { Command } from '../command.js'
import { ask } from './ask.js'
import { chat } from './chat.js'
import { check } from './check.js'
import { discordDeploy } from './discord-deploy.js'
import { evalCommand } from './eval.js'
import { helpCommand } from './help.js'
import { report } from './report.js'
import { start } from './start.js'
import { startSharded } from './start-sharded.js'
import { VIEW_COMMANDS } from './views.js'

/** Every subcommand, in the order `explainer help` lists them. */
export const COMMANDS: readonly Command[] = [
  ask,
  ...VIEW_COMMANDS,
  evalCommand,
  check,
  chat,
  start,
  startSharded,
  report,
  discordDeploy,
  helpCommand(() => COMMANDS),
]
