import { flagUsage } from './args.js'
import type { Command } from './command.js'

const EXIT_LINE = 'Exit status: 0 answered or not found, 2 a bad question or bad arguments, 1 a broken setup (knowledge folder, environment).'

const sentence = (text: string) => `${text[0].toUpperCase()}${text.slice(1)}.`
const synopses = (c: Command) => c.synopsis.map((s) => `explainer ${c.name} ${s}`.trim())

/** `explainer help`: every command, its ways of calling it, and what it does. */
export function usage(commands: readonly Command[]): string {
  return [
    'explainer: answers questions about news articles, quoting them word for word.',
    '',
    'Commands:',
    ...commands.flatMap((c) => [...synopses(c).map((s) => `  ${s}`), `      ${sentence(c.summary)}`]),
    '',
    "Run 'explainer help COMMAND' for a command's options and examples.",
    'Settings come from the environment or a .env file: KNOWLEDGE_DIR, DISCORD_TOKEN, SLACK_BOT_TOKEN… (see .env.example).',
    EXIT_LINE,
    '',
  ].join('\n')
}

/** `explainer help ask` or `explainer ask --help`: one command's options and examples. */
export function commandHelp(command: Command): string {
  const flags = Object.entries(command.flags).map(([name, spec]) => [flagUsage(name, spec), spec.description] as const)
  const width = Math.max(0, ...flags.map(([f]) => f.length))
  return [
    ...synopses(command),
    '',
    sentence(command.summary),
    ...(flags.length ? ['', 'Options:', ...flags.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`)] : []),
    ...(command.details?.length ? ['', 'Examples and notes:', ...command.details.map((d) => `  ${d}`)] : []),
    '',
  ].join('\n')
}
