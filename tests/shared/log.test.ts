import { LogLevel } from '@slack/bolt'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { discordLogger } from '../../src/adapters/discord/context.js'
import { logLine, writeLogLine } from '../../src/adapters/shared/log.js'
import { slackLogLine, stderrLogger } from '../../src/adapters/slack/logger.js'

function failure(): Error {
  return new Error('the API said no\nsecond line of details')
}

function captureStderr(): string[] {
  const written: string[] = []
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
  return written
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('logLine', () => {
  it('is one line without debug: the first line of the message only, no stack', () => {
    expect(logLine('discord', 'an interaction failed', failure())).toBe('explainer: discord: an interaction failed: the API said no')
  })

  it('adds the stack on the following lines with debug', () => {
    const error = failure()
    const text = logLine('slack', 'unhandled error', error, true)
    const [first, ...rest] = text.split('\n')
    expect(first).toBe('explainer: slack: unhandled error: the API said no')
    expect(rest.join('\n')).toBe(error.stack)
  })

  it('says non-Error values as text, on one line, and never a stack', () => {
    expect(logLine('slack', 'failed', 'plain\nstring', true)).toBe('explainer: slack: failed: plain')
    expect(logLine('slack', 'failed', 42)).toBe('explainer: slack: failed: 42')
    expect(logLine('slack', 'failed', null)).toBe('explainer: slack: failed: null')
    expect(logLine('slack', 'failed', { code: 'x' })).toBe('explainer: slack: failed: [object Object]')
    expect(logLine('discord', 'logged in')).toBe('explainer: discord: logged in')
  })

  it('writeLogLine writes the line to standard error', () => {
    const written = captureStderr()
    writeLogLine('discord', 'client error', failure())
    expect(written).toEqual(['explainer: discord: client error: the API said no\n'])
  })
})

describe('the Discord logger', () => {
  it('writes one line, naming the shard when there is one', () => {
    const written = captureStderr()
    discordLogger().error('a message failed', failure())
    discordLogger(false, [1]).info('logged in')
    expect(written).toEqual(['explainer: discord: a message failed: the API said no\n', 'explainer: discord shard 1: logged in\n'])
  })

  it('adds the stack with debug', () => {
    const written = captureStderr()
    const error = failure()
    discordLogger(true).error('client error', error)
    expect(written).toEqual([`explainer: discord: client error: the API said no\n${error.stack}\n`])
  })
})

describe('the Slack logger', () => {
  it('says the first Error among Bolt-style arguments by its message, on one line', () => {
    expect(slackLogLine(LogLevel.ERROR, 'slack', ['unhandled error:', failure()])).toBe('explainer: slack: unhandled error: the API said no')
    expect(slackLogLine(LogLevel.WARN, 'slack', ['/ask: the ack failed:', failure()])).toBe('explainer: slack: warning: /ask: the ack failed: the API said no')
    expect(slackLogLine(LogLevel.ERROR, 'slack', ['two errors', failure(), new Error('other')])).toBe('explainer: slack: two errors other: the API said no')
    expect(slackLogLine(LogLevel.ERROR, 'slack', [failure()])).toBe('explainer: slack: the API said no')
  })

  it('keeps payloads and info and debug lines on one line', () => {
    const circular: Record<string, unknown> = { a: 'x\ny' }
    circular.self = circular
    const line = slackLogLine(LogLevel.DEBUG, 'slack', ['payload', circular, 'multi\nline'])
    expect(line.startsWith('explainer: slack: debug: payload ')).toBe(true)
    expect(line).not.toContain('\n')
  })

  it('writes to standard error from its level up, with the stack only at the debug level', () => {
    const written = captureStderr()
    const info = stderrLogger(LogLevel.INFO)
    info.debug('hidden')
    info.info('connected in Socket Mode')
    info.error('unhandled error:', failure())
    const error = failure()
    stderrLogger(LogLevel.DEBUG).error('unhandled error:', error)
    expect(written).toEqual([
      'explainer: slack: connected in Socket Mode\n',
      'explainer: slack: unhandled error: the API said no\n',
      `explainer: slack: unhandled error: the API said no\n${error.stack}\n`,
    ])
  })
})
