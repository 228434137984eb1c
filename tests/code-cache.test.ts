/**
 * bin/explainer.js starts the bundle with V8's code cache (dist/explainer.cjs.cache): a cache that
 * is damaged or from another build must be left aside, never handed to V8 (a damaged one crashes
 * V8 itself), and replaced by a good one as the program exits. Each test runs a copy of the built
 * program in a scratch folder, so the repository's own cache is never touched.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { folder } from './support/folders.js'
import { ROOT } from './support/run-cli.js'

/** A copy of the built program: bin/ and the bundle's files in dist/. */
function copyOfProgram(): { bin: string; cache: string } {
  const dir = folder({}, 'explainer-code-cache-')
  for (const sub of ['bin', 'dist']) mkdirSync(join(dir, sub))
  for (const file of ['bin/explainer.js', 'bin/package.json', 'dist/explainer.cjs', 'dist/explainer-tables.txt', 'dist/explainer.cjs.cache'])
    copyFileSync(join(ROOT, file), join(dir, file))
  return { bin: join(dir, 'bin', 'explainer.js'), cache: join(dir, 'dist', 'explainer.cjs.cache') }
}

function ask(bin: string, env: Record<string, string> = {}): { status: string } {
  const out = execFileSync(process.execPath, [bin, 'ask', 'Who is Andrew Selee?', '--json', '--knowledge', join(ROOT, 'knowledge')], {
    env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', ...env },
    encoding: 'utf8',
  })
  return JSON.parse(out)
}

/** The file's header is the bundle's build id (16 hex digits) and the CRC-32 of the rest (8). */
const idOf = (bundle: string) => /^\/\/ explainer-build (\w+)\n/.exec(readFileSync(bundle, 'utf8'))?.[1]

describe('the code cache', () => {
  it('is used as built: the program answers and leaves it as it was', () => {
    const { bin, cache } = copyOfProgram()
    const before = readFileSync(cache)
    expect(before.toString('latin1', 0, 16)).toBe(idOf(join(ROOT, 'dist', 'explainer.cjs')))
    expect(ask(bin).status).toBe('answered')
    expect(readFileSync(cache).equals(before)).toBe(true)
  })

  it('damaged: left aside, the program still answers, and a good cache replaces it', () => {
    const { bin, cache } = copyOfProgram()
    const damaged = readFileSync(cache)
    for (let i = 1000; i < 1100; i++) damaged[i] ^= 0xff
    writeFileSync(cache, damaged)
    expect(ask(bin).status).toBe('answered')
    const rewritten = readFileSync(cache)
    expect(rewritten.equals(damaged)).toBe(false)
    // The new cache is whole: the next start uses it and leaves it alone.
    expect(ask(bin).status).toBe('answered')
    expect(readFileSync(cache).equals(rewritten)).toBe(true)
  })

  it('made by another build: left aside and replaced', () => {
    const { bin, cache } = copyOfProgram()
    const other = readFileSync(cache)
    other.write('0123456789abcdef', 0, 'latin1')
    writeFileSync(cache, other)
    expect(ask(bin).status).toBe('answered')
    expect(readFileSync(cache).toString('latin1', 0, 16)).not.toBe('0123456789abcdef')
  })

  it('EXPLAINER_CODE_CACHE=off: neither read nor written', () => {
    const { bin, cache } = copyOfProgram()
    rmSync(cache)
    expect(ask(bin, { EXPLAINER_CODE_CACHE: 'off' }).status).toBe('answered')
    expect(() => statSync(cache)).toThrow()
  })
})
