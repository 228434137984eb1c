import { spawn } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { BIN, ROOT, runCli } from './support/run-cli.js'

describe.concurrent('the terminal chat', () => {
  test('answers piped questions with numbered quotes, without prompts, and ends with the input', async () => {
    const { code, stdout, stderr } = await runCli(['chat'], { input: 'Who is Andrew Selee?\n\n' })
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toContain('Andrew Selee')
    // Each sentence once: the answer shows it, its citation says only where it stands.
    expect(stdout).toMatch(/^\[1\] ¶\d+ · said by Andrew Selee$/m)
    expect(stdout.split('Migration Policy Institute')).toHaveLength(2)
    expect(stdout).not.toContain('you>')
    expect(stdout).not.toContain('Please type a question') // a blank line is skipped, not answered
  })

  test('help, sources and summary are commands, and quit ends the chat before later lines', async () => {
    const { code, stdout } = await runCli(['chat'], { input: 'help\nsources\nsummary\nquit\nWho is Andrew Selee?\n' })
    expect(code).toBe(0)
    expect(stdout).toContain('Commands: help')
    expect(stdout).toMatch(/I answer from one article:\n- Strategic Shift/)
    expect(stdout).toMatch(/^\[3\] /m) // the summary quotes the lead
    expect(stdout).not.toContain('According to Andrew Selee')
  })

  test('keeps the conversation from line to line, and `new` starts a fresh one', async () => {
    const input = 'Who is Mira Osei?\nWhat did she say?\nnew\nWhat did she say?\n'
    const { code, stdout } = await runCli(['chat', '--knowledge', 'tests/fixtures/knowledge'], { input })
    expect(code).toBe(0)
    const [beforeNew, afterNew] = stdout.split('A new conversation')
    expect(afterNew).toBeDefined()
    // "she" is Osei while the conversation lasts; after `new` nothing says who she is.
    expect(beforeNew.split('working light').length).toBeGreaterThan(2)
    expect(afterNew).toContain('Who do you mean by "she"?')
  })

  test('an over-long question gets the reason and the chat goes on', async () => {
    const { code, stdout } = await runCli(['chat'], { input: `${'x'.repeat(600)}\nWho is Andrew Selee?\n` })
    expect(code).toBe(0)
    expect(stdout).toContain('the limit is 500')
    expect(stdout).toContain('Andrew Selee')
  })

  test('`start` with no tokens set opens the chat, as `npm start` does', async () => {
    const { code, stdout } = await runCli(['start'], { input: 'Who is Andrew Selee?\n' })
    expect(code).toBe(0)
    expect(stdout).toMatch(/^\[1\] /m)
  })

  test('Ctrl-C (SIGINT) ends a waiting chat cleanly with exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'chat'], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' } })
    let stdout = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    // Interrupt once the first answer is out, while the chat waits for more input.
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
      if (stdout.includes('You could also ask')) child.kill('SIGINT')
    })
    child.stdin.write('Who is Andrew Selee?\n')
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })
})
