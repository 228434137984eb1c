import { inspect } from 'node:util'
import { type Logger, LogLevel } from '@slack/bolt'

/**
 * Where Bolt, its Web API client, Socket Mode and the adapter log. Two reasons to have our own:
 * logs go to standard error (standard output is the CLI's), and while connecting they are held
 * back, so a failed start is the one line `start` prints, not that line after Bolt's retries.
 */

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 }

/** `[WARN] slack: …` lines on standard error, from `level` up. */
export function stderrLogger(level: LogLevel = LogLevel.INFO): Logger {
  let current = level
  let name = 'slack'
  const write =
    (at: LogLevel) =>
    (...msg: unknown[]) => {
      if (ORDER[at] < ORDER[current]) return
      // inspect, not JSON.stringify: Bolt logs errors and payloads, which can be circular.
      const text = msg.map((m) => (typeof m === 'string' ? m : inspect(m, { depth: 4, breakLength: Number.POSITIVE_INFINITY }))).join(' ')
      process.stderr.write(`[${at.toUpperCase()}] ${name}: ${text}\n`)
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
