#!/usr/bin/env node
// The `explainer` command: runs the program `npm run build` makes (`npm install` runs it through
// the `prepare` script), so production needs no TypeScript tooling. Paths are resolved from this
// file, not the current folder, so `npx explainer` works anywhere.
//
// Why it is written this way: a cold `explainer ask` should cost little more than starting Node.
// - This file is CommonJS (bin/package.json says so): Node starts a CommonJS file ~4 ms sooner
//   than an ES module, whose loader it would otherwise set up first.
// - It runs dist/explainer.cjs, the whole program in one file (scripts/bundle.mjs), not the ~100
//   modules tsc writes to dist/.
// - It compiles that file with V8's code cache, dist/explainer.cjs.cache: the bytecode of the
//   functions a question runs, made at build time, so V8 neither parses nor compiles them again.
//   The cache is used only if it was made from this very bundle (the build id on the bundle's first
//   line, which the cache file starts with), its CRC-32 (next in the file) is right, and V8 accepts
//   it (same V8 version and flags). Else the program runs without it, compiling as it goes, and a
//   fresh cache is written as it exits. The CRC matters: V8 checks the version, the flags and the
//   length of the data, not its bytes, and a damaged cache crashes V8 itself (measured: a fatal
//   error in the deserializer), which no code here could catch.
// EXPLAINER_CODE_CACHE=off runs without the cache and writes none (to measure what it saves).
'use strict'
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname, join } = require('node:path')
const { Script } = require('node:vm')
// Node 20.15 and later; without it the program runs without the cache.
const { crc32 } = require('node:zlib')

const BUNDLE = join(__dirname, '..', 'dist', 'explainer.cjs')
const CACHE = `${BUNDLE}.cache`
const ID = /^\/\/ explainer-build (\w+)\n/

let source
try {
  source = readFileSync(BUNDLE, 'utf8')
} catch (error) {
  if (error.code !== 'ENOENT') throw error
  process.stderr.write('explainer: the program is not built yet (no dist/explainer.cjs): run npm install, or npm run build\n')
  process.exit(1)
}
const id = ID.exec(source)?.[1] ?? ''

/** The cache file: the build id, the CRC-32 of the V8 data in 8 hex digits, the V8 data. */
const header = (data) => `${id}${crc32(data).toString(16).padStart(8, '0')}`

/** V8's data from the cache file, when it was made from this bundle and is whole; else none. */
function readCache() {
  if (!id || typeof crc32 !== 'function') return undefined
  try {
    const file = readFileSync(CACHE)
    const data = file.subarray(id.length + 8)
    return file.toString('latin1', 0, id.length + 8) === header(data) ? data : undefined
  } catch {
    return undefined
  }
}

const mode = process.env.EXPLAINER_CODE_CACHE
const cachedData = mode === 'off' ? undefined : readCache()
// The bundle as a CommonJS module body, as Node's own loader wraps one.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: BUNDLE,
  ...(cachedData ? { cachedData } : {}),
})

if (id && typeof crc32 === 'function' && mode !== 'off' && (!cachedData || script.cachedDataRejected)) {
  // Written at exit, when the functions this run needed have been compiled: the next start gets
  // them all. Written aside and renamed, so a start never reads half a cache; a folder that cannot
  // be written (a read-only install) just goes without.
  process.on('exit', () => {
    const temp = `${CACHE}.${process.pid}`
    try {
      const data = script.createCachedData()
      writeFileSync(temp, Buffer.concat([Buffer.from(header(data), 'latin1'), data]))
      renameSync(temp, CACHE)
    } catch {
      rmSync(temp, { force: true })
    }
  })
}

const module_ = { exports: {} }
script.runInThisContext()(module_.exports, createRequire(BUNDLE), module_, BUNDLE, dirname(BUNDLE))
