import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { describeError, UsageError } from '../src/cli/errors.js'
import { formatCitation } from '../src/cli/format-text.js'
import { byteLines, decodeLine } from '../src/cli/lines.js'
import { readConfig } from '../src/config.js'
import type { Citation } from '../src/core/types.js'
import { BIN, oneErrorLine, ROOT, runCli } from './support/run-cli.js'

const ANSWER_KEYS = ['citations', 'followUps', 'question', 'status', 'text']

let tmp: string
/** Folders and files the tests point --knowledge and eval at, made once. */
const paths = { plain: '', nul: '', emptyCwd: '', big: '', questions: '', notArray: '', badJson: '' }

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'explainer-cli-'))
  paths.plain = join(tmp, 'plain')
  mkdirSync(paths.plain)
  writeFileSync(
    join(paths.plain, 'article.md'),
    '# Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday after two years of repairs.\n\nThe repairs cost 40 million dollars, the city council said.\n',
  )
  paths.nul = join(tmp, 'nul')
  mkdirSync(join(paths.nul, 'broken'), { recursive: true })
  writeFileSync(join(paths.nul, 'broken', 'article.md'), '# Title\n\nA paragraph\u0000 with a NUL byte.\n')
  paths.emptyCwd = join(tmp, 'elsewhere')
  mkdirSync(paths.emptyCwd)
  // Enough sentences to pass the progress threshold (2,000), each distinct.
  const paragraphs = Array.from({ length: 700 }, (_, p) => [0, 1, 2].map((s) => `Item number ${p * 3 + s} is listed in the ledger.`).join(' '))
  paths.big = join(tmp, 'big.md')
  writeFileSync(paths.big, `# Ledger\n\n${paragraphs.join('\n\n')}\n`)
  paths.questions = join(tmp, 'questions.json')
  writeFileSync(
    paths.questions,
    JSON.stringify([
      { cat: 'who', q: 'Who is Andrew Selee?', any: ['Migration Policy Institute'] },
      { cat: 'who', q: 'Who is Andrew Selee?', any: ['a string the article never contains'] },
      { cat: 'abstain', q: 'What is the boiling point of mercury on Jupiter?', expect: 'abstain' },
    ]),
  )
  paths.notArray = join(tmp, 'not-array.json')
  writeFileSync(paths.notArray, '{"q": "Who?"}')
  paths.badJson = join(tmp, 'bad.json')
  writeFileSync(paths.badJson, '[{"q": ')
})

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe.concurrent('explainer ask', () => {
  test('prints the answer, its numbered quotes with their paragraph, and questions to ask next', async () => {
    const { code, stdout, stderr } = await runCli(['ask', 'Who is Andrew Selee?'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toContain('Andrew Selee')
    expect(stdout).toMatch(/^\[1\] ".+" — ¶\d+/m)
    expect(stdout).toContain('You could also ask: ')
  })

  test('--json prints exactly one object with the Answer keys plus the question; unquoted words make one question', async () => {
    const { code, stdout } = await runCli(['ask', 'Who', 'is', 'Andrew', 'Selee?', '--json'])
    expect(code).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(1)
    const answer = JSON.parse(stdout)
    expect(Object.keys(answer).sort()).toEqual(ANSWER_KEYS)
    expect(answer.question).toBe('Who is Andrew Selee?')
    expect(answer.status).toBe('answered')
    expect(answer.citations[0].quote).toContain('Andrew Selee')
  })

  test('a question the article does not answer is not_found and exits 0', async () => {
    const { code, stdout } = await runCli(['ask', '--json', 'What is the boiling point of mercury on Jupiter?'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout).status).toBe('not_found')
  })

  test('an empty, blank or 501-character question exits 2 with one line on stderr', async () => {
    // The blank one as --json: the object still comes out, with status invalid, and the exit is 2.
    const runs = await Promise.all([runCli(['ask', '']), runCli(['ask', '--json', '   ']), runCli(['ask', 'x'.repeat(501)])])
    for (const run of runs) {
      expect(run.code).toBe(2)
      oneErrorLine(run.stderr)
    }
    expect(JSON.parse(runs[1].stdout).status).toBe('invalid')
    expect(runs[2].stderr).toContain('500')
  })

  test('--jsonl answers every input line in order, blank and undecodable lines as invalid', async () => {
    const input = Buffer.concat([
      Buffer.from('Who is Andrew Selee?\n\nsummary\r\n'),
      Buffer.from([0x57, 0x68, 0x6f, 0xff, 0xfe, 0x3f, 0x0a]), // "Who\xff\xfe?": not UTF-8
      Buffer.from('   \n'),
      Buffer.from(`${'y'.repeat(501)}\n`),
      Buffer.from('Who is Andrew Selee?\n'), // the final newline adds no line
    ])
    const { code, stdout, stderr } = await runCli(['ask', '--jsonl'], { input })
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(7)
    const answers = lines.map((l) => JSON.parse(l))
    for (const a of answers) expect(Object.keys(a).sort()).toEqual(ANSWER_KEYS)
    expect(answers.map((a) => a.status)).toEqual(['answered', 'invalid', 'answered', 'invalid', 'invalid', 'invalid', 'answered'])
    expect(answers[2].question).toBe('summary')
    expect(answers[3].text).toMatch(/unreadable/)
  })

  test('--jsonl stops quietly when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [BIN, 'ask', '--jsonl'], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' } })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    child.stdout.once('data', () => child.stdout.destroy())
    Readable.from(Array.from({ length: 3000 }, () => 'Who is Andrew Selee?\n')).pipe(child.stdin)
    child.stdin.on('error', () => {}) // the child may exit before reading all of it
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})

describe.concurrent('the knowledge folder', () => {
  test('a plain Markdown article with only a # Title and paragraphs loads and answers', async () => {
    const { code, stdout } = await runCli(['ask', '--json', 'How much did the repairs cost?', '--knowledge', paths.plain])
    expect(code).toBe(0)
    const answer = JSON.parse(stdout)
    expect(answer.status).toBe('answered')
    expect(answer.citations[0].quote).toContain('40 million dollars')
  })

  test("with no knowledge/ in the current folder, the project's own articles answer", async () => {
    const { code, stdout } = await runCli(['ask', '--json', 'Who is Andrew Selee?'], { cwd: paths.emptyCwd })
    expect(code).toBe(0)
    expect(JSON.parse(stdout).status).toBe('answered')
  })

  test('--knowledge overrides KNOWLEDGE_DIR', async () => {
    const env = { KNOWLEDGE_DIR: join(tmp, 'missing') }
    const { code, stdout } = await runCli(['ask', '--json', 'How much did the repairs cost?', '--knowledge', paths.plain], { env })
    expect(code).toBe(0)
    expect(JSON.parse(stdout).citations[0].quote).toContain('40 million')
  })

  test('a missing folder, given by --knowledge or KNOWLEDGE_DIR, exits 1 with one line naming it', async () => {
    const missing = join(tmp, 'no-such-folder')
    const runs = await Promise.all([runCli(['ask', 'Who?', '--knowledge', missing]), runCli(['ask', 'Who?'], { env: { KNOWLEDGE_DIR: missing } })])
    for (const run of runs) {
      expect(run.code).toBe(1)
      expect(oneErrorLine(run.stderr)).toContain(missing)
      expect(run.stdout).toBe('')
    }
  })

  test('an article with NUL bytes exits 1 naming the file', async () => {
    const { code, stderr } = await runCli(['ask', 'Who?', '--knowledge', paths.nul])
    expect(code).toBe(1)
    expect(oneErrorLine(stderr)).toContain(join('broken', 'article.md'))
  })

  test('indexing progress goes to stderr while stdout stays one JSON object', async () => {
    const { code, stdout, stderr } = await runCli(['ask', '--json', 'Which item is number 1234?', '--knowledge', paths.big])
    expect(code).toBe(0)
    expect(stderr).toMatch(/^explainer: indexing [\d,]+\/2,100 sentences…$/m)
    expect(stderr).toMatch(/^explainer: indexed 2,100 sentences in [\d.]+ s$/m)
    expect(Object.keys(JSON.parse(stdout)).sort()).toEqual(ANSWER_KEYS)
  })
})

describe.concurrent('explainer eval', () => {
  test('scores by category with the total last, and --verbose lists each miss', async () => {
    const { code, stdout } = await runCli(['eval', paths.questions, '--verbose'])
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines.at(-1)).toMatch(/^total\s+2\s+1 \(50%\)\s+1\s+1 \(100%\)$/)
    expect(stdout).toMatch(/^who\s+2\s+1 \(50%\)\s+0\s+—$/m)
    expect(stdout).toContain('✗ [who] Who is Andrew Selee? (wants "a string the article never contains")')
    expect(stdout).not.toContain('✗ [abstain]')
  })

  test('a missing, non-array or unparsable question file exits 2 with one line', async () => {
    const runs = await Promise.all([
      runCli(['eval', join(tmp, 'nope.json')]),
      runCli(['eval', paths.notArray]),
      runCli(['eval', paths.badJson]),
      runCli(['eval']),
    ])
    for (const run of runs) {
      expect(run.code).toBe(2)
      oneErrorLine(run.stderr)
    }
    expect(runs[0].stderr).toContain('no such file')
    expect(runs[2].stderr).toContain('not valid JSON')
  })
})

describe.concurrent('arguments, help and setup', () => {
  test('help and --help print the commands on stdout and exit 0', async () => {
    const [help, flag, ask] = await Promise.all([runCli(['help']), runCli(['--help']), runCli(['ask', '--help'])])
    for (const run of [help, flag]) {
      expect(run.code).toBe(0)
      for (const name of ['ask', 'eval', 'chat', 'start']) expect(run.stdout).toContain(`explainer ${name}`)
    }
    expect(ask.code).toBe(0)
    expect(ask.stdout).toContain('--jsonl')
  })

  test('an unknown command, unknown option or missing value exits 2 with one line and a hint', async () => {
    const runs = await Promise.all([
      runCli(['frobnicate']),
      runCli(['ask', 'Who?', '--jsn']),
      runCli(['ask', 'Who?', '--knowledge']),
      runCli([]),
      runCli(['ask', '--jsonl', 'Who?']),
    ])
    for (const run of runs) {
      expect(run.code).toBe(2)
      expect(oneErrorLine(run.stderr)).toMatch(/\(run 'explainer help/)
    }
    expect(runs[0].stderr).toContain("unknown command 'frobnicate'")
    expect(runs[1].stderr).toContain('--jsn')
  })

  test('start with DISCORD_TOKEN set starts the Discord adapter; Discord out of reach is one line and exit 1', async () => {
    const { code, stderr } = await runCli(['start'], { env: { DISCORD_TOKEN: 'test-token', DISCORD_API_URL: 'http://127.0.0.1:1/api' } })
    expect(code).toBe(1)
    expect(oneErrorLine(stderr)).toMatch(/^explainer: cannot reach Discord at http:\/\/127\.0\.0\.1:1\/api \(DISCORD_API_URL\): ECONNREFUSED/)
  })

  test('a malformed variable stops the program naming it, without echoing its value', async () => {
    const { code, stderr } = await runCli(['ask', 'Who?'], { env: { SLACK_BOT_TOKEN: 'secret-value' } })
    expect(code).toBe(1)
    expect(oneErrorLine(stderr)).toContain('SLACK_BOT_TOKEN')
    expect(stderr).not.toContain('secret-value')
  })
})

describe('pieces of the CLI, without a process', () => {
  async function linesOf(...chunks: (string | Buffer)[]) {
    const out: string[] = []
    for await (const line of byteLines(Readable.from(chunks.map((c) => Buffer.from(c))))) out.push(decodeLine(line).text)
    return out
  }

  test('stdin is split on \\n, a \\r before it dropped, lines joined across chunks, a final newline adding no line', async () => {
    expect(await linesOf('a\r\n\nb', 'c\n')).toEqual(['a', '', 'bc'])
    expect(await linesOf('last line without newline')).toEqual(['last line without newline'])
    expect(await linesOf('')).toEqual([])
  })

  test('an undecodable line keeps a U+FFFD so the core rejects it as unreadable', () => {
    const decoded = decodeLine(Buffer.from([0x61, 0xc3]))
    expect(decoded.valid).toBe(false)
    expect(decoded.text).toContain('\uFFFD')
  })

  test("a caption or a related headline says it is not the article's reporting", () => {
    const base: Citation = { ref: 'a#p3', quote: 'Q', article: 'A', kind: 'caption' }
    expect(formatCitation(base, 1)).toBe('[1] "Q" — ¶3 · photo caption')
    expect(formatCitation({ ...base, kind: 'related', section: 'S' }, 2)).toBe(`[2] "Q" — ¶3 · S · related headline (not this article's reporting)`)
    expect(formatCitation({ ...base, kind: 'quote', speaker: 'Ann Lee' }, 3, { showArticle: true })).toBe('[3] "Q" — A · ¶3 · said by Ann Lee')
  })

  test('an unexpected error is one line asking for a report; its stack shows only with DEBUG', () => {
    const bug = new TypeError('x is not a function\n  more')
    const quiet = describeError(bug, false)
    expect(quiet).toEqual({
      line: 'explainer: unexpected error: x is not a function more (run again with DEBUG=1 for details and please report it)',
      exitCode: 1,
    })
    expect(describeError(bug, true).stack).toContain('TypeError')
    expect(describeError(new UsageError('bad', ''), true)).toEqual({ line: 'explainer: bad', exitCode: 2 })
  })

  test('config treats empty variables as unset and picks the Slack mode from the tokens it has', () => {
    expect(readConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: ' ', KNOWLEDGE_DIR: '' })).toEqual({ debug: false, rateLimit: { limit: 5, windowMs: 30_000 } })
    expect(readConfig({ RATE_LIMIT: '10 / 60' }).rateLimit).toEqual({ limit: 10, windowMs: 60_000 })
    for (const bad of ['0/30', '5', 'five/30', '5/0']) expect(() => readConfig({ RATE_LIMIT: bad })).toThrow(/RATE_LIMIT must be QUESTIONS\/SECONDS/)
    const slack = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack
    expect(slack).toMatchObject({ mode: 'http', port: 3000 })
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket')
    expect(() => readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_PORT: 'eighty' })).toThrow(/SLACK_PORT/)
    expect(() => readConfig({ DISCORD_TOKEN: 't', DISCORD_API_URL: 'not a url' })).toThrow(/DISCORD_API_URL/)
  })
})
