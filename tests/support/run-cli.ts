import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BIN = fileURLToPath(new URL('../../bin/explainer.js', import.meta.url))

export type CliRun = { code: number | null; stdout: string; stderr: string }

export type CliOptions = { input?: string | Buffer; env?: Record<string, string>; cwd?: string }

/**
 * The variables that change what the CLI does, emptied: a developer's shell or .env must not turn
 * a test into a Discord bot, nor make it write to their PostgreSQL. Empty rather than deleted, because dotenv does not override a set name.
 */
const NEUTRAL_ENV = { DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', KNOWLEDGE_DIR: '', DEBUG: '', DATABASE_URL: '', QUESTION_LOG: '', QUESTION_LOG_DAYS: '' }

/** Runs `node bin/explainer.js ...args` the way a user would, standard input closed after `input`. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...NEUTRAL_ENV, ...options.env },
      timeout: 15_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}

/** The error contract: exactly one line on stderr, prefixed `explainer: `. */
export function oneErrorLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n')
  if (lines.length !== 1 || !lines[0].startsWith('explainer: ')) throw new Error(`expected one "explainer: " line on stderr, got:\n${stderr}`)
  return lines[0]
}
