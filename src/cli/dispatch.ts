import { type ParsedArgs, parseArgs } from './args.js'
import type { Command } from './command.js'
import { UsageError } from './errors.js'

export type Invocation = { command: Command; args: ParsedArgs }

/**
 * Picks the command from the first word and checks the rest against its flags, before anything
 * is loaded: a typo costs no indexing. `--help` anywhere becomes `help` for that command.
 */
export function resolveInvocation(argv: readonly string[], commands: readonly Command[]): Invocation {
  const names = commands.map((c) => c.name)
  const help = commands.find((c) => c.name === 'help')
  const [first, ...rest] = argv
  if (first === undefined) throw new UsageError(`which command? ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`)
  if ((first === '--help' || first === '-h') && help) return { command: help, args: parseArgs([], help.flags, 'help') }
  if (first.startsWith('-')) throw new UsageError(`${first} before a command: options go after it, as in explainer ask "QUESTION" --json`)

  const command = commands.find((c) => c.name === first)
  if (!command) throw new UsageError(`unknown command '${first}': the commands are ${names.join(', ')}`)
  const args = parseArgs(rest, command.flags, command.name)
  if (args.help && help && command !== help) return { command: help, args: parseArgs([command.name], help.flags, 'help') }
  return { command, args }
}
