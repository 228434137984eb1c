import { UsageError } from './errors.js'

/** One `--flag` a command accepts. A string flag takes a value: `--knowledge DIR` or `--knowledge=DIR`. */
export type FlagSpec = { type: 'boolean' | 'string'; description: string; placeholder?: string }

export type FlagSpecs = Record<string, FlagSpec>

export const KNOWLEDGE_FLAG: FlagSpec = {
  type: 'string',
  placeholder: 'DIR',
  description: 'articles to answer from: a folder of <slug>/article.md, one article folder or one Markdown file (default: $KNOWLEDGE_DIR, else ./knowledge)',
}

/** The command line after the command name, checked against the command's flags. */
export class ParsedArgs {
  constructor(
    readonly positionals: string[],
    private readonly values: Map<string, string | true>,
    readonly help: boolean,
  ) {}

  bool(name: string): boolean {
    return this.values.get(name) === true
  }

  string(name: string): string | undefined {
    const value = this.values.get(name)
    return typeof value === 'string' ? value : undefined
  }
}

/**
 * Flags may stand anywhere among the words, so `ask who is Selee --json` works; `--` ends the
 * flags for a question that starts with a dash. Hand-written rather than node:util's parseArgs so
 * every mistake gets a short message in the program's own words.
 */
export function parseArgs(argv: readonly string[], specs: FlagSpecs, command: string): ParsedArgs {
  const positionals: string[] = []
  const values = new Map<string, string | true>()
  let help = false
  const hint = `run 'explainer help ${command}' for its options`

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (arg === '-h' || arg === '--help') {
      help = true
      continue
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg)
      continue
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option ${arg} for '${command}'`, hint)

    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined
    if (!spec) throw new UsageError(`unknown option --${name} for '${command}'`, hint)
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`, hint)
      values.set(name, true)
      continue
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[i + 1]
    if (eq < 0) i++
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value: --${name} ${spec.placeholder ?? 'VALUE'}`, hint)
    values.set(name, value)
  }
  return new ParsedArgs(positionals, values, help)
}

/** The flags of a command as help shows them: `--knowledge DIR`. */
export function flagUsage(name: string, spec: FlagSpec): string {
  return spec.type === 'string' ? `--${name} ${spec.placeholder ?? 'VALUE'}` : `--${name}`
}
