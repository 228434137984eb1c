import type { Command } from '../command.js'
import { EXIT, UsageError } from '../errors.js'
import { write } from '../output.js'
import { commandHelp, usage } from '../usage.js'

/** Takes the list lazily: the list includes help itself, so it cannot be imported here. */
export function helpCommand(commands: () => readonly Command[]) {
  return {
    name: 'help',
    synopsis: ['[COMMAND]'],
    summary: 'show this usage, or one command’s options and examples',
    flags: {},
    async run({ args, io }) {
      const [name, ...rest] = args.positionals
      if (rest.length) throw new UsageError('help takes one command name')
      if (name === undefined) {
        await write(io.stdout, usage(commands()))
        return EXIT.ok
      }
      const command = commands().find((c) => c.name === name)
      if (!command) throw new UsageError(`no command '${name}'`)
      await write(io.stdout, commandHelp(command))
      return EXIT.ok
    },
  } satisfies Command
}
