/**
 * One log line per event, as the rest of the program writes them: `explainer: <platform>: <what>`,
 * then `: <the error's message>` (its first line only). The stack follows on the next lines only
 * when asked for with DEBUG=1.
 */

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? ''
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return firstLine(error.message) || error.name
  if (typeof error === 'string') return firstLine(error)
  try {
    return firstLine(String(error))
  } catch {
    return Object.prototype.toString.call(error)
  }
}

/** `explainer: <platform>: <what>[: <error message>]`, plus the error's stack on the following lines when `debug`. */
export function logLine(platform: string, what: string, error?: unknown, debug = false): string {
  const parts = [`explainer: ${platform}`, firstLine(what)]
  if (error !== undefined) parts.push(messageOf(error))
  const line = parts.filter((p) => p !== '').join(': ')
  const stack = debug && error instanceof Error ? error.stack : undefined
  return stack ? `${line}\n${stack}` : line
}

/** Writes logLine() to standard error. */
export function writeLogLine(platform: string, what: string, error?: unknown, debug = false): void {
  process.stderr.write(`${logLine(platform, what, error, debug)}\n`)
}
