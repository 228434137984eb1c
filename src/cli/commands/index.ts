import type { Command } from '../command.js'
import { ask } from './ask.js'
import { chat } from './chat.js'
import { evalCommand } from './eval.js'
import { helpCommand } from './help.js'
import { start } from './start.js'

/** Every subcommand, in the order `explainer help` lists them. */
export const COMMANDS: readonly Command[] = [ask, evalCommand, chat, start, helpCommand(() => COMMANDS)]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name)
}
