import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LiveKnowledge } from '../src/knowledge/live-knowledge.js'
import { folder } from './support/folders.js'
import { BIN, ROOT } from './support/run-cli.js'

const WALL = '# The Harbour Wall\n\nThe wall was built in 1850. It is 400 metres long. Fishermen mend their nets on it.\n'
const LAMP = '# The Lamp Room\n\nThe lamp burned colza oil until 1902. A keeper trimmed its wick every four hours.\n'

/** A knowledge folder holding the wall article, removed when the file's tests end. */
const wallFolder = (): string => folder({ 'wall/article.md': WALL }, 'explainer-live-')

function addLamp(dir: string, text: string | Buffer = LAMP): void {
  mkdirSync(join(dir, 'lamp'), { recursive: true })
  writeFileSync(join(dir, 'lamp', 'article.md'), text)
}

/** Polls until `check` holds, failing after `ms`: the time from a change on disk to an answer. */
async function within<T>(ms: number, check: () => T | undefined): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > until) throw new Error(`not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const open: LiveKnowledge[] = []
afterEach(() => {
  for (const live of open.splice(0)) live.close()
})

async function serve(dir: string) {
  const log: string[] = []
  const live = await LiveKnowledge.open(dir, { log: (line) => log.push(line), settleMs: 50 })
  live.watch()
  open.push(live)
  return { live, log, ask: (q: string) => live.explainer.ask(q) }
}

const fromLamp = (a: { status: string; citations: { ref: string }[] }) => a.status === 'answered' && a.citations[0]?.ref.startsWith('lamp#')

describe('live knowledge', () => {
  it('answers from an article added to the folder within 2 s, logging one line per change', async () => {
    const dir = wallFolder()
    const bot = await serve(dir)
    expect(fromLamp(bot.ask('What did the lamp burn?'))).toBe(false)
    const added = Date.now()
    addLamp(dir)
    const answer = await within(2_000, () => {
      const a = bot.ask('What did the lamp burn?')
      return fromLamp(a) ? a : undefined
    })
    expect(Date.now() - added).toBeLessThan(2_000)
    expect(answer.citations[0].quote).toContain('colza oil')
    expect(bot.log).toContain('added lamp')
    expect(bot.log.find((l) => l.startsWith('reloaded'))).toMatch(/^reloaded 2 articles in \d+ ms$/)
    expect(bot.live.status().articles).toBe(2)
  })

  it('leaves out an article broken on disk, names its file, and keeps answering from the rest', async () => {
    const dir = wallFolder()
    addLamp(dir)
    const bot = await serve(dir)
    expect(fromLamp(bot.ask('What did the lamp burn?'))).toBe(true)
    addLamp(dir, Buffer.from([0x23, 0x20, 0x4c, 0x0a, 0x0a, 0xff, 0xfe, 0x41]))
    await within(2_000, () => bot.log.find((l) => l.startsWith('left out')))
    expect(bot.log).toContain(`left out ${join('lamp', 'article.md')}: is not UTF-8 text: save the article as UTF-8 Markdown`)
    expect(bot.ask('When was the wall built?').citations[0]?.quote).toContain('1850')
    expect(fromLamp(bot.ask('What did the lamp burn?'))).toBe(false)
    expect(bot.live.status().articles).toBe(1)
  })

  it('reloads when asked (what SIGHUP does) and says nothing when nothing changed', async () => {
    const dir = wallFolder()
    const log: string[] = []
    const live = await LiveKnowledge.open(dir, { log: (line) => log.push(line) })
    open.push(live)
    await live.reload()
    expect(log).toEqual([])
    addLamp(dir)
    await live.reload()
    expect(log).toEqual(['added lamp', expect.stringMatching(/^reloaded 2 articles/)])
  })

  it('a serving bot (the terminal chat of npm start) picks up a new article without a restart', async () => {
    const dir = wallFolder()
    const child = spawn(process.execPath, [BIN, 'start', '--knowledge', dir], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' } })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    try {
      child.stdin.write('When was the wall built?\n')
      await within(5_000, () => out.includes('1850'))
      addLamp(dir)
      await within(2_000, () => err.includes('added lamp'))
      child.stdin.write('What did the lamp burn?\n')
      await within(2_000, () => out.includes('colza oil'))
    } finally {
      child.stdin.end()
      child.kill()
    }
  })
})
