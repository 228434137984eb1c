/** The terminal chat's view commands, and views asked in words, next to ordinary questions. */
import { describe, expect, test } from 'vitest'
import { runCli } from './support/run-cli.js'

describe('views in the terminal chat', () => {
  test('who, timeline, numbers and quotes NAME are commands; questions stay questions', async () => {
    const input = ['who', 'timeline', 'numbers', 'quotes Meyer', 'Who is Andrew Selee?', 'what did Biden say?', 'give me a timeline', ''].join('\n')
    const { code, stdout } = await runCli(['chat'], { input })
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Who's who — /)
    expect(stdout).toContain('Andrew Selee — president of the nonpartisan Migration Policy Institute')
    expect(stdout).toContain('Key numbers — ')
    expect(stdout).toContain('six — flights per week')
    expect(stdout).toContain('Maureen Meyer: “It is actually providing')
    // "Who is Andrew Selee?" is answered with quotes, not taken for the `who` command.
    expect(stdout).toMatch(/^According to Andrew Selee, the president/m)
    // "what did Biden say?": Biden is not quoted, so it is an ordinary question.
    expect(stdout).not.toContain('Quotes: Biden')
    expect((stdout.match(/^Timeline — /gm) ?? []).length).toBe(2)
  })

  test('with several articles a view asks which, and takes the slug after it', async () => {
    const { stdout } = await runCli(['chat', '--knowledge', 'tests/fixtures/views'], { input: 'numbers\nnumbers comet-science\n' })
    expect(stdout).toContain('Which article? comet-science')
    expect(stdout).toContain('210 million — euros')
  })
})
