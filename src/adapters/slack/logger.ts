import { inspect } from 'node:util'
import { type Logger, LogLevel } from '@slack/bolt'
import { logLine } from '../shared/log.js'

/**
 * Where Bolt, its Web API client, Socket Mode and the adapter log. Two reasons to have our own:
 * logs go to standard error (standard output is the CLI's), and while connecting they are held
 * back, so a failed start is the one line `start` prints, not that line after Bolt's retries.
 */

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 }

/** What a level adds before the text: warnings and debug output say so; errors and info need not. */
const LABEL: Record<LogLevel, string> = { [LogLevel.DEBUG]: 'debug: ', [LogLevel.INFO]: '', [LogLevel.WARN]: 'warning: ', [LogLevel.ERROR]: '' }

/**
 * Bolt's arguments as one line: the first Error among them is said by its message (its stack
 * follows only at the debug level, i.e. DEBUG=1), anything else (further errors by their message) is
 * joined on one line.
 */
export function slackLogLine(at: LogLevel, name: string, msg: readonly unknown[], debug = false): string {
  const error = msg.find((m) => m instanceof Error)
  const text = msg
    .filter((m) => m !== error)
    // inspect, not JSON.stringify: Bolt logs errors and payloads, which can be circular.
    .map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : inspect(m, { depth: 4, breakLength: Number.POSITIVE_INFINITY })))
    .join(' ')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/:$/, '')
  const platform = name === 'slack' ? 'slack' : `slack: ${name}`
  return logLine(platform, `${LABEL[at]}${text}`.trim(), error, debug)
}

/** `explainer: slack: …` lines on standard error, from `level` up; at the debug level, errors add their stack. */
export function stderrLogger(level: LogLevel = LogLevel.INFO): Logger {
  let current = level
  let name = 'slack'
  const write =
    (at: LogLevel) =>
    (...msg: unknown[]) => {
      if (ORDER[at] < ORDER[current]) return
      process.stderr.write(`${slackLogLine(at, name, msg, current === LogLevel.DEBUG)}\n`)
    }
  return {
    debug: write(LogLevel.DEBUG),
    info: write(LogLevel.INFO),
    warn: write(LogLevel.WARN),
    error: write(LogLevel.ERROR),
    setLevel: (l) => {
      current = l
    },
    getLevel: () => current,
    setName: (n) => {
      name = n
    },
  }
}

export type HoldingLogger = Logger & {
  /** Stops holding: replays what was held (`print`) or drops it, then passes everything through. */
  release(print: boolean): void
}

/** Holds every line until release(): for the start, whose failure is reported as one line. */
export function holdingLogger(inner: Logger): HoldingLogger {
  let held: [keyof Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>, unknown[]][] | undefined = []
  const at =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (held) held.push([method, msg])
      else inner[method](...msg)
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (l) => inner.setLevel(l),
    getLevel: () => inner.getLevel(),
    // Bolt and Socket Mode name their loggers; one name ("slack") reads better in a mixed log.
    setName: () => {},
    release(print: boolean) {
      const lines = held ?? []
      held = undefined
      if (print) for (const [method, msg] of lines) inner[method](...msg)
    },
  }
}
