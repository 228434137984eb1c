import { SetupError } from '../config.js'

export { SetupError }

import { PlatformUnreachable } from '../adapters/shared/errors.js'
import { KnowledgeError } from '../core/errors.js'

/** Exit codes of the CLI contract (DESIGN.md). */
export const EXIT = { ok: 0, setup: 1, usage: 2 } as const

export const HELP_HINT = "run 'explainer help' for usage"

/** The command line itself is wrong: exit 2, with a hint to the usage ('' for none, when the message says it all). */
export class UsageError extends Error {
  override name = 'UsageError'
  constructor(
    message: string,
    readonly hint: string = HELP_HINT,
  ) {
    super(message)
  }
}

/** Messages are shown as one line: a multi-line message would read like a stack trace. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

export type Reported = { line: string; exitCode: number; stack?: string }

/**
 * What the user sees for an error that reached the top: one `explainer: ` line and an exit code.
 * Mistakes the user can fix show only their message; anything else is a bug, said as such, and
 * its stack is shown only when asked for with DEBUG=1.
 */
export function describeError(error: unknown, debug: boolean): Reported {
  if (error instanceof UsageError) {
    const hint = error.hint ? ` (${error.hint})` : ''
    return { line: `explainer: ${oneLine(error.message)}${hint}`, exitCode: EXIT.usage }
  }
  if (error instanceof KnowledgeError || error instanceof SetupError || error instanceof PlatformUnreachable)
    return { line: `explainer: ${oneLine(error.message)}`, exitCode: EXIT.setup }
  const message = error instanceof Error ? error.message : String(error)
  const hint = debug ? '' : ' (run again with DEBUG=1 for details and please report it)'
  const stack = debug && error instanceof Error ? error.stack : undefined
  return { line: `explainer: unexpected error: ${oneLine(message)}${hint}`, exitCode: EXIT.setup, ...(stack ? { stack } : {}) }
}
