import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * DESIGN.md: src/core/ knows nothing of Discord, Slack or the terminal. It never imports an
 * adapter, the CLI or main, and never reads process.env or writes to process.stdout.
 */
const CORE = resolve('src/core')
const SRC = resolve('src')

const FORBIDDEN_PACKAGES = ['discord.js', '@slack/bolt', 'node:readline', 'readline', 'dotenv']
const FORBIDDEN_GLOBALS = [/\bprocess\s*\.\s*env\b/, /\bprocess\s*\.\s*stdout\b/, /\bprocess\s*\[\s*['"`](?:env|stdout)['"`]\s*\]/]
/** Places under src/ that core must not reach into. */
const FORBIDDEN_DIRS = ['cli', 'adapters']

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : /\.[cm]?[jt]sx?$/.test(name) ? [full] : []
  })
}

/** Module specifiers of static imports, re-exports, dynamic imports and require calls. */
function specifiers(source: string): string[] {
  const out: string[] = []
  const patterns = [
    /\b(?:import|export)\s[^;'"`]*?\bfrom\s*['"`]([^'"`]+)['"`]/g,
    /\bimport\s*['"`]([^'"`]+)['"`]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]/g,
    /\bcreateRequire\([^)]*\)\s*\(\s*['"`]([^'"`]+)['"`]/g,
  ]
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1])
  return out
}

/** What is wrong with one core file, given its path and text. */
function violations(file: string, source: string): string[] {
  const out: string[] = []
  for (const spec of specifiers(source)) {
    const pkg = spec.replace(/^node:/, '')
    if (FORBIDDEN_PACKAGES.some((p) => spec === p || pkg === p.replace(/^node:/, '') || spec.startsWith(`${p}/`))) out.push(`imports ${spec}`)
    if (spec.startsWith('.')) {
      const target = relative(SRC, resolve(dirname(file), spec))
      const top = target.split(sep)[0]
      if (FORBIDDEN_DIRS.includes(top) || /^main(\.[cm]?[jt]s)?$/.test(top)) out.push(`imports ${spec} (src/${target})`)
    }
  }
  for (const re of FORBIDDEN_GLOBALS) if (re.test(source)) out.push(`mentions ${re.source}`)
  return out
}

/** Every relative import of the files under `dir`, as [file, the path it resolves to from the repo]. */
function relativeImports(dir: string): [string, string][] {
  return filesUnder(dir).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec): [string, string] => [relative(ROOT, file), relative(ROOT, resolve(dirname(file), spec))]),
  )
}

const ROOT = resolve('.')

describe('boundary: who may import whom', () => {
  it('src/config.ts imports nothing of the program (every part of it reads the configuration)', () => {
    const own = specifiers(readFileSync(join(SRC, 'config.ts'), 'utf8')).filter((spec) => spec.startsWith('.'))
    expect(own).toEqual([])
  })

  it('adapters never import the CLI or main, and never each other', () => {
    const bad = relativeImports(join(SRC, 'adapters')).filter(([file, target]) => {
      const [, , platform] = file.split(sep)
      const [top, sub, other] = target.split(sep)
      if (top !== 'src') return false
      if (sub === 'cli' || /^main(\.[jt]s)?$/.test(sub)) return true
      return sub === 'adapters' && other !== 'shared' && other !== platform
    })
    expect(bad).toEqual([])
  })

  it('nothing under src/ imports the tests or the bench', () => {
    const bad = relativeImports(SRC).filter(([, target]) => /^(tests|bench)(\/|$)/.test(target))
    expect(bad).toEqual([])
  })

  it('the import scanner sees relative imports, so the empty lists above mean something', () => {
    expect(relativeImports(join(SRC, 'adapters')).some(([, target]) => target.startsWith(join('src', 'core')))).toBe(true)
  })
})

describe('boundary: src/core knows nothing of adapters, the CLI or the environment', () => {
  const files = filesUnder(CORE)

  it('finds the core sources to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(10)
    expect(files.some((f) => f.endsWith(`${sep}answer.ts`))).toBe(true)
    // The import scanner sees real imports, so an empty result below means something.
    expect(specifiers(readFileSync(join(CORE, 'answer.ts'), 'utf8'))).toContain('./cite.js')
  })

  it.each(files.map((f) => [relative(process.cwd(), f), f]))(
    '%s imports no adapter, CLI, main, readline or dotenv and never touches process.env/stdout',
    (_name, file) => {
      expect(violations(file, readFileSync(file, 'utf8'))).toEqual([])
    },
  )

  it('the checker itself flags each forbidden thing', () => {
    const file = join(CORE, 'example.ts')
    const bad = [
      "import { Client } from 'discord.js'",
      "import bolt from '@slack/bolt'",
      "import * as readline from 'node:readline'",
      "import 'dotenv/config'",
      "const { run } = await import('../cli/run.js')",
      "export { start } from '../adapters/discord.js'",
      "import { main } from '../main.js'",
      'const token = process.env.DISCORD_TOKEN',
      "process.stdout.write('hi')",
    ]
    for (const line of bad) expect(violations(file, line), line).not.toEqual([])
    expect(violations(file, "import { fold } from './normalize.js'\nimport MiniSearch from 'minisearch'")).toEqual([])
  })
})
