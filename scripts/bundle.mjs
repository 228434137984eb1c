// The last step of `npm run build`, after tsc: joins the compiled program (dist/main.js and all it
// imports) into one file, dist/explainer.cjs, and makes the V8 code cache bin/explainer.js starts it
// with. Why: a cold `explainer ask` spent ~65 ms finding, reading and linking ~100 ESM modules and
// much of the rest compiling functions that run once. One file is one read; the code cache (see
// bin/explainer.js) hands V8 the bytecode of every function a question runs, compiled here once.
//
// What goes in: the program and the few small packages every start runs (BUNDLED below). Every
// other dependency stays a package Node loads when, and only when, it is required: discord.js and
// @slack/bolt (only start, start:sharded and discord:deploy run the adapters' code), database
// drivers, anything with native code. The adapters' own code and the chat are inside but wrapped
// by esbuild to run on their import(), so `ask` runs none of them.
// The bundle is made from tsc's output, not from src/, so it runs exactly the JavaScript tsc emitted.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'

const ROOT = join(import.meta.dirname, '..')
const DIST = join(ROOT, 'dist')
const BUNDLE = join(DIST, 'explainer.cjs')
const CACHE = `${BUNDLE}.cache`
const BIN = join(ROOT, 'bin', 'explainer.js')

/** The dependencies bundled: the ones every start loads (the .env reader, the search index, the stemmer). */
const BUNDLED = new Set(['dotenv', 'minisearch', 'stemmer'])
const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const EXTERNAL = Object.keys(dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`])

// The saved indexes' key, worked out as dist/main.js does at each start, from the same files.
const { codeKeyOfImports } = await import(join(DIST, 'knowledge', 'code-key.js'))
const codeKey = codeKeyOfImports([join(DIST, 'knowledge', 'open-knowledge.js')], DIST)

/**
 * The generated word tables (dist/generated/*.js: ~1.3 MB of string literals, objects of strings
 * keyed by their first two letters) go into a text file beside the bundle, dist/explainer-tables.txt,
 * read once as the program starts: V8 takes ~8 ms to parse that many string literals, or to
 * deserialize them from the code cache, and ~1-2 ms to read them as text. Each module keeps its
 * exports and their values; only where the strings come from changes. The format: for each table a
 * line `@NAME COUNT`, then COUNT lines `KEY<tab>VALUE`.
 */
const TABLES = join(DIST, 'explainer-tables.txt')
const READER = 'explainer:read-table'
const tableText = []
const tablesAsText = {
  name: 'tables-as-text',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^${READER}$`) }, () => ({ path: join(ROOT, 'scripts', 'table-reader.mjs') }))
    build.onLoad({ filter: /[\\/]dist[\\/]generated[\\/][^\\/]+\.js$/ }, async ({ path }) => {
      const lines = [`import { readTable } from '${READER}'`]
      for (const [name, value] of Object.entries(await import(pathToFileURL(path).href))) {
        const strings = value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
        if (!strings) {
          lines.push(`export const ${name} = ${JSON.stringify(value)}`)
          continue
        }
        const id = `${path.split(/[\\/]/).pop()}:${name}`
        const entries = Object.entries(value)
        for (const [k, v] of entries)
          if (/[^ -~]/.test(k + v) || k === '__proto__') throw new Error(`${id}: ${JSON.stringify(k)} cannot be written as a line of printable ASCII`)
        tableText.push(`@${id} ${entries.length}\n`, ...entries.map(([k, v]) => `${k}\t${v}\n`))
        lines.push(`export const ${name} = readTable(${JSON.stringify(id)})`)
      }
      return { loader: 'js', contents: lines.join('\n') }
    })
  },
}

/**
 * A package the program import()s (the database drivers, when the store opens) is required instead,
 * still only when that import() runs: a vm.Script compiled from a code cache has no way to hand an
 * import() to Node's loader on Node 20 (its importModuleDynamically is lost with the cache). For a
 * CommonJS package, what the import() resolves to is the same: the module's exports as `default`.
 */
const importsAsRequires = {
  name: 'imports-as-requires',
  setup(build) {
    build.onResolve({ filter: /.*/ }, ({ path, kind }) => {
      if (kind !== 'dynamic-import' || !EXTERNAL.includes(path)) return undefined
      return { path, namespace: 'required-on-import' }
    })
    build.onLoad({ filter: /.*/, namespace: 'required-on-import' }, ({ path }) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(path)})`,
    }))
  },
}

const built = await esbuild.build({
  entryPoints: [join(DIST, 'main.js')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // No syntax lowered: the bundle runs tsc's JavaScript as it is. (With target node20 esbuild rewrites
  // every \p{…} regular expression literal as new RegExp("…"), made anew each time it runs, in loops too.)
  target: 'esnext',
  write: false,
  outfile: BUNDLE,
  sourcemap: 'linked',
  external: EXTERNAL,
  define: { 'import.meta.url': '__importMetaUrl', EXPLAINER_CODE_KEY: JSON.stringify(codeKey) },
  // Strict from the first statement, as the ES modules it is made of were (esbuild's own "use
  // strict" comes after the banner, too late to count). import.meta.url is the bundle's own URL:
  // src/project.ts is the one module whose paths depend on it.
  banner: { js: "'use strict';\nvar __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [tablesAsText, importsAsRequires],
  metafile: true,
  logLevel: 'warning',
})

// An import() left in the bundle would fail at run time (see importsAsRequires): stop the build instead.
const leftImports = Object.values(built.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import'))
if (leftImports.length) throw new Error(`the bundle would import() ${leftImports.map((i) => i.path).join(', ')}: require it, or add it to importsAsRequires`)

const code = built.outputFiles.find((f) => f.path === BUNDLE)
const map = built.outputFiles.find((f) => f.path === `${BUNDLE}.map`)
if (!code || !map) throw new Error('esbuild wrote no bundle')
// The build's id, on the first line: the code cache records it, and bin/explainer.js uses the cache
// only for the same id. V8's own check compares the source's length, not its text.
const id = createHash('sha256').update(code.contents).digest('hex').slice(0, 16)
writeFileSync(BUNDLE, `// explainer-build ${id}\n${code.text}`)
writeFileSync(map.path, map.contents)
writeFileSync(TABLES, tableText.join(''), 'latin1')

// The code cache: two runs of `ask` over the project's own article, in a scratch cache folder. The
// first compiles the article and saves its index; the second, like an ordinary start, reads it, and
// bin/explainer.js, finding no cache, writes one as it exits: the bytecode of every function those
// questions ran, so a start compiles almost nothing. One question of each kind the parser tells apart.
const QUESTIONS = [
  'Who is Andrew Selee?',
  'How many flights a week return migrants to Central America?',
  'What did Ned Price say about sovereignty?',
  'Why did López Obrador accept asylum seekers in 2019?',
  'Who won the World Cup?',
].join('\n')
const scratch = mkdtempSync(join(tmpdir(), 'explainer-bundle-'))
try {
  for (let run = 0; run < 2; run++) {
    rmSync(CACHE, { force: true })
    execFileSync(process.execPath, [BIN, 'ask', '--jsonl', '--knowledge', join(ROOT, 'knowledge')], {
      cwd: ROOT,
      input: QUESTIONS,
      stdio: ['pipe', 'ignore', 'inherit'],
      env: { ...process.env, EXPLAINER_CACHE_DIR: scratch, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
    })
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
if (!readFileSync(CACHE).length) throw new Error(`${CACHE}: no code cache was written`)
