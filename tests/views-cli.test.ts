/** `explainer who|timeline|numbers|quotes` as a user runs them: text, JSON (DESIGN.md shapes), several articles, exit codes. */
import { describe, expect, it } from 'vitest'
import { oneErrorLine, runCli } from './support/run-cli.js'

const FIXTURES = 'tests/fixtures/views'

describe('explainer views on the command line', () => {
  it('prints who --json as one array of {name, role?, kind, citations}', async () => {
    const { code, stdout, stderr } = await runCli(['who', '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const items = JSON.parse(stdout)
    expect(Array.isArray(items)).toBe(true)
    const selee = items.find((w: { name: string }) => w.name === 'Andrew Selee')
    expect(selee).toMatchObject({ role: 'president of the nonpartisan Migration Policy Institute', kind: 'person' })
    expect(selee.citations[0]).toMatchObject({ ref: 'mexico-migration#p5', kind: 'quote' })
    for (const w of items) expect(['person', 'organization']).toContain(w.kind)
  })

  it('prints the other views in their shapes', async () => {
    const timeline = JSON.parse((await runCli(['timeline', '--json'])).stdout)
    expect(Object.keys(timeline.find((t: { date?: string }) => t.date)).sort()).toEqual(['citations', 'date', 'text', 'when'])
    const numbers = JSON.parse((await runCli(['numbers', '--json'])).stdout)
    expect(Object.keys(numbers[0]).sort()).toEqual(['citations', 'value', 'what'])
    const quotes = JSON.parse((await runCli(['quotes', 'Price', '--json'])).stdout)
    expect(quotes.map((q: { speaker: string }) => q.speaker)).toEqual(['Ned Price', 'Ned Price'])
  })

  it('prints text with each item and the sentence it cites', async () => {
    const { code, stdout } = await runCli(['quotes', 'Sarukhán'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Quotes: Sarukhán — /)
    expect(stdout).toContain('Arturo Sarukhán: “López Obrador quickly realized')
    expect(stdout).toMatch(/— ¶\d+/)
  })

  it('asks for --article when several articles are loaded, and takes a slug or a title', async () => {
    const none = await runCli(['numbers', '--knowledge', FIXTURES])
    expect(none.code).toBe(2)
    expect(oneErrorLine(none.stderr)).toMatch(/--article SLUG.*comet-science/)
    const chosen = await runCli(['numbers', '--knowledge', FIXTURES, '--article', 'comet-science', '--json'])
    expect(chosen.code).toBe(0)
    expect(JSON.parse(chosen.stdout).map((n: { value: string }) => n.value)).toContain('210 million')
    const byTitle = await runCli(['who', '--knowledge', FIXTURES, '--article', 'Riverton council'])
    expect(byTitle.stdout).toContain('Joanna Castellanos — Mayor')
    const unknown = await runCli(['who', '--knowledge', FIXTURES, '--article', 'nowhere'])
    expect(unknown.code).toBe(2)
    expect(oneErrorLine(unknown.stderr)).toContain('no article "nowhere"')
  })

  it('rejects a NAME where the view takes none', async () => {
    const { code, stderr } = await runCli(['timeline', 'Price'])
    expect(code).toBe(2)
    expect(oneErrorLine(stderr)).toContain('timeline takes no NAME')
  })
})
