import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { describeError, UsageError } from '../src/cli/errors.js'
import { formatAnswer, formatCitation, formatSources, wrapText } from '../src/cli/format-text.js'
import { byteLines, decodeLine } from '../src/cli/lines.js'
import { checkAll, readConfig, SetupError } from '../src/config.js'
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
    // The answer's text shows its sentence; citation [1] adds only where it stands.
    expect(stdout).toMatch(/^\[1\] ¶\d+ · said by Andrew Selee$/m)
    expect(stdout.split('president of the nonpartisan Migration Policy Institute')).toHaveLength(2)
    expect(stdout).toContain('You could also ask: ')
  })

  test('links each citation to its sentence when the article has a url; the standfirst is named so', async () => {
    const { code, stdout } = await runCli(['ask', 'What did Brightwater tell the board?', '--knowledge', 'tests/fixtures/linked'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^\[1\] ¶3 · said by Brightwater · https:\/\/news\.example\.org\/ferry-timetable#:~:text=\S+$/m)
    expect(stdout).toContain('“"We would rather sail fewer boats on time than more boats late."”'.slice(1, -1))
    const about = await runCli(['ask', 'What is the article about?', '--knowledge', 'tests/fixtures/linked'])
    expect(about.stdout).toMatch(/^\[1\] ¶1 · standfirst · https:/m)
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

  test('an article of any length loads, with progress: nothing in the build grows the call stack with its size', async () => {
    // 30,000 sentences under a 100 KB stack stand in for the 20 MB article that overflowed the
    // default stack (a spread of every fact into one push() call), at a fraction of the time.
    const ledger = Array.from({ length: 6_000 }, (_, p) => [0, 1, 2, 3, 4].map((s) => `Crate ${p * 5 + s} of the ledger holds ${p % 7} boats.`).join(' '))
    const file = join(tmp, 'ledger.md')
    writeFileSync(file, `# The long ledger\n\n${ledger.join('\n\n')}\n`)
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--stack-size=100', BIN, 'ask', 'What does crate 29999 hold?', '--json', '--knowledge', file], {
        cwd: ROOT,
        env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    })
    expect(run.stderr).toMatch(/explainer: indexed 30,000 sentences in [\d.]+ s/)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).citations[0].quote).toBe(`Crate 29999 of the ledger holds ${5_999 % 7} boats.`)
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

  test('--jsonl --threads answers each line in the context of its thread, one JSON answer a line, bad lines invalid', async () => {
    const lines = [
      { thread: 'a', q: 'Who is Mira Osei?' },
      { thread: 'b', q: 'What did she say?' },
      { thread: 'a', q: 'What did she say?' },
      'not json',
      { q: 'no thread' },
      { thread: 'b', q: 'Who was the first keeper?' },
      { thread: 'b', q: 'What did he write in his last report?' },
    ]
    const input = `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`
    const { code, stdout, stderr } = await runCli(['ask', '--jsonl', '--threads', '--knowledge', 'tests/fixtures/knowledge'], { input })
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const answers = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(answers.map((a) => a.status)).toEqual(['answered', 'not_found', 'answered', 'invalid', 'invalid', 'answered', 'answered'])
    expect(answers[1].text).toMatch(/^Who do you mean by "she"\?/)
    expect(answers[2].text).toContain('working light')
    expect(answers[6].text).toContain('No ship has been lost')
    expect(answers[2].thread).toBe('a')
    for (const a of answers) for (const key of ANSWER_KEYS) expect(a).toHaveProperty(key)
  })

  test('--threads goes with --jsonl only', async () => {
    const run = await runCli(['ask', '--threads', 'Who?'])
    expect(run.code).toBe(2)
    oneErrorLine(run.stderr)
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

  test('a malformed variable stops start naming it, without echoing its value', async () => {
    for (const env of [{ SLACK_BOT_TOKEN: 'secret-value' }, { RATE_LIMIT: 'lots' }] as Record<string, string>[]) {
      const { code, stderr } = await runCli(['start'], { env, input: 'Who is Andrew Selee?\n' })
      expect(code).toBe(1)
      expect(oneErrorLine(stderr)).toContain(Object.keys(env)[0])
      expect(stderr).not.toContain(Object.values(env)[0])
    }
  })

  test('ask, eval and chat check only what they use: a malformed SLACK_* or RATE_LIMIT does not stop them', async () => {
    const env = { SLACK_BOT_TOKEN: 'not-a-bot-token', SLACK_PORT: 'eighty', RATE_LIMIT: 'lots', DISCORD_API_URL: 'not a url' }
    const [ask, evalRun, chat] = await Promise.all([
      runCli(['ask', 'Who is Andrew Selee?', '--json'], { env }),
      runCli(['eval', paths.questions], { env }),
      runCli(['chat'], { env, input: 'Who is Andrew Selee?\n' }),
    ])
    for (const run of [ask, evalRun, chat]) {
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    }
    expect(JSON.parse(ask.stdout).status).toBe('answered')
    expect(chat.stdout).toContain('Migration Policy Institute')
  })

  test('start with no token and nothing on standard input (a service manager) says what it looked for and exits 1', async () => {
    const { code, stderr } = await runCli(['start'])
    expect(code).toBe(1)
    expect(oneErrorLine(stderr)).toMatch(/^explainer: no DISCORD_TOKEN or SLACK_BOT_TOKEN is set .* standard input is empty/)
  })

  test('start retries a Discord it cannot reach, one line a try, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'start'], {
      cwd: ROOT,
      env: { ...process.env, SLACK_BOT_TOKEN: '', KNOWLEDGE_DIR: '', DISCORD_TOKEN: 'test-token', DISCORD_API_URL: 'http://127.0.0.1:1/api' },
    })
    let stderr = ''
    await new Promise<void>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d
        if (stderr.includes('trying again')) resolve()
      })
      child.on('exit', () => reject(new Error(`exited instead of retrying:\n${stderr}`)))
    })
    expect(stderr).toMatch(
      /^explainer: Discord: cannot reach Discord at http:\/\/127\.0\.0\.1:1\/api \(DISCORD_API_URL\): ECONNREFUSED.*; trying again in 2 s$/m,
    )
    child.kill('SIGTERM')
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code).toBe(0)
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
    expect(formatCitation(base, 1)).toBe('[1] “Q” — ¶3 · photo caption')
    expect(formatCitation({ ...base, kind: 'related', section: 'S' }, 2)).toBe(`[2] “Q” — ¶3 · S · related headline, not this article's reporting`)
    expect(formatCitation({ ...base, kind: 'quote', speaker: 'Ann Lee' }, 3, { showArticle: true })).toBe('[3] “Q” — A · ¶3 · said by Ann Lee')
  })

  test('a quote keeps its own quotation marks, and a sentence the text already shows is not repeated', () => {
    const quote: Citation = { ref: 'a#p5', quote: '"We will go," she said.', article: 'A', kind: 'quote', speaker: 'Ann Lee' }
    expect(formatCitation(quote, 1)).toBe('[1] "We will go," she said. — ¶5 · said by Ann Lee')
    expect(formatCitation(quote, 1, {}, true)).toBe('[1] ¶5 · said by Ann Lee')
    const text = formatAnswer({ status: 'answered', text: `${quote.quote} [1]`, citations: [quote], followUps: [] })
    expect(text.split('We will go')).toHaveLength(2)
    expect(text).not.toContain('""')
  })

  test('answers wrap at spaces to the terminal width, never inside a word', () => {
    const long = 'The harbour bridge reopened on Monday after two years of repairs that cost the city forty million dollars.'
    const cite: Citation = { ref: 'a#p2', quote: long, article: 'A', kind: 'body' }
    const out = formatAnswer({ status: 'answered', text: `${long} [1]`, citations: [cite], followUps: ['Who paid for the repairs?'] }, { width: 30 })
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(30)
    const words = (s: string) => s.split(/\s+/).filter(Boolean)
    expect(words(out.split('\n\n')[0])).toEqual(words(`${long} [1]`))
  })

  test('wrapping keeps an indented line indented and hangs a numbered line under its text', () => {
    const text = '  1. Maureen Meyer: a quotation long enough to need a second line\n     "a cited sentence long enough to wrap as well"'
    expect(wrapText(text, 40).split('\n')).toEqual([
      '  1. Maureen Meyer: a quotation long',
      '     enough to need a second line',
      '     "a cited sentence long enough to',
      '     wrap as well"',
    ])
  })

  test('sources says "1 sentence" and "2 sentences"', () => {
    expect(formatSources([{ slug: 'a', title: 'A', facts: 1 }])).toContain('A: 1 sentence\n')
    expect(formatSources([{ slug: 'b', title: 'B', facts: 2 }])).toContain('B: 2 sentences\n')
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
    const empty = readConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: ' ', KNOWLEDGE_DIR: '' })
    expect({ ...empty }).toEqual({
      debug: false,
      discord: undefined,
      slack: undefined,
      rateLimit: { limit: 5, windowMs: 30_000 },
      store: { location: { file: '.explainer/explainer.db' }, questionLog: true, retentionDays: 30 },
    })
    expect(readConfig({ RATE_LIMIT: '10 / 60' }).rateLimit).toEqual({ limit: 10, windowMs: 60_000 })
    for (const bad of ['0/30', '5', 'five/30', '5/0']) expect(() => readConfig({ RATE_LIMIT: bad }).rateLimit).toThrow(/RATE_LIMIT must be QUESTIONS\/SECONDS/)
    const slack = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack
    expect(slack).toMatchObject({ mode: 'http', port: 3000 })
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket')
    expect(() => readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_PORT: 'eighty' }).slack).toThrow(/SLACK_PORT/)
    expect(() => readConfig({ DISCORD_TOKEN: 't', DISCORD_API_URL: 'not a url' }).discord).toThrow(/DISCORD_API_URL/)
  })

  test('EXPLAINER_CACHE_DIR says where saved indexes go', async () => {
    expect(readConfig({ EXPLAINER_CACHE_DIR: '/var/cache/explainer' }).cacheDir).toBe('/var/cache/explainer')
    const cache = join(tmp, 'cache-here')
    const { code } = await runCli(['ask', 'Who is Andrew Selee?', '--json'], { env: { EXPLAINER_CACHE_DIR: cache } })
    expect(code).toBe(0)
    expect(readdirSync(cache).filter((f) => /^index-.*\.json$/.test(f))).toHaveLength(1)
  })

  test('config checks each part when it is read, and checkAll reads them all', () => {
    const config = readConfig({ SLACK_BOT_TOKEN: 'wrong', KNOWLEDGE_DIR: 'k' })
    // What `ask` reads is fine; the malformed Slack part throws only when read.
    expect(config.knowledgeDir).toBe('k')
    expect(config.discord).toBeUndefined()
    expect(() => config.slack).toThrow(SetupError)
    expect(() => checkAll(config)).toThrow(/SLACK_BOT_TOKEN must start with xoxb-/)
    expect(() => checkAll(readConfig({}))).not.toThrow()
  })
})
