import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

/**
 * One start of the bot's knowledge, as `explainer start` does it, in a process of its own so its
 * peak memory is its own: `tsx bench/start-probe.ts DIR CACHE_DIR` lists DIR, reuses what the saved
 * index in CACHE_DIR holds (or compiles and saves it), assembles the knowledge base, answers one
 * question, and prints one JSON line: ms (list + load or build + assemble), peakRssMB, reused, compiled.
 * It runs the compiled program in dist/ (npm run build), as `explainer start` does, so the figures
 * are the shipped code's, not the TypeScript loader's.
 */
type Modules = [typeof import('../src/core/explainer.js'), typeof import('../src/knowledge/open-knowledge.js'), typeof import('../src/knowledge/code-key.js')]
const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const [{ explainerFor }, { openKnowledge }, { codeKeyOfImports }] = (await Promise.all(
  ['core/explainer.js', 'knowledge/open-knowledge.js', 'knowledge/code-key.js'].map((m) => import(join(DIST, m))),
)) as Modules

const [dir, cacheDir] = process.argv.slice(2)
if (!dir || !cacheDir) {
  process.stderr.write('usage: tsx bench/start-probe.ts DIR CACHE_DIR\n')
  process.exit(2)
}
const t = performance.now()
const cpu = process.cpuUsage()
const code = codeKeyOfImports([join(DIST, 'knowledge', 'open-knowledge.js')], DIST)
const opened = openKnowledge(dir, { cacheDir, code })
const ex = explainerFor(opened.kb)
const ms = performance.now() - t
const used = process.cpuUsage(cpu)
ex.ask('What did the minister say?')
const peakRssMB = process.resourceUsage().maxRSS / 1024
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, peakRssMB, reused: opened.reused, compiled: opened.compiled, articles: opened.kb.articles.size, facts: opened.kb.facts.length })}\n`,
)
