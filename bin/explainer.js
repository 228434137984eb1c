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
//   line, which the cache file starts with) and V8 accepts it (same V8 version and flags). Else
//   the program runs without it, compiling as it goes, and a fresh cache is written as it exits.
// EXPLAINER_CODE_CACHE=off runs without the cache and writes none (to measure what it saves).
'use strict'
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname, join } = require('node:path')
const { Script } = require('node:vm')

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

/** The cache made from this bundle, without its id; none when missing or made from another build. */
function readCache() {
  try {
    const data = readFileSync(CACHE)
    return id && data.toString('utf8', 0, id.length) === id ? data.subarray(id.length) : undefined
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

if (id && mode !== 'off' && (!cachedData || script.cachedDataRejected)) {
  // Written at exit, when the functions this run needed have been compiled: the next start gets
  // them all. Written aside and renamed, so a start never reads half a cache; a folder that cannot
  // be written (a read-only install) just goes without.
  process.on('exit', () => {
    const temp = `${CACHE}.${process.pid}`
    try {
      writeFileSync(temp, Buffer.concat([Buffer.from(id, 'utf8'), script.createCachedData()]))
      renameSync(temp, CACHE)
    } catch {
      rmSync(temp, { force: true })
    }
  })
}

const module_ = { exports: {} }
script.runInThisContext()(module_.exports, createRequire(BUNDLE), module_, BUNDLE, dirname(BUNDLE))
