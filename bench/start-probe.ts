import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { explainerFor } from '../src/core/explainer.js'
import { openKnowledge } from '../src/knowledge/open-knowledge.js'
import { codeKey } from '../src/knowledge/saved-index.js'

/**
 * One start of the bot's knowledge, as `explainer start` does it, in a process of its own so its
 * peak memory is its own: `tsx bench/start-probe.ts DIR CACHE_DIR` lists DIR, reuses what the saved
 * index in CACHE_DIR holds (or compiles and saves it), assembles the knowledge base, answers one
 * question, and prints one JSON line: ms (list + load or build + assemble), peakRssMB, reused, compiled.
 */
const [dir, cacheDir] = process.argv.slice(2)
if (!dir || !cacheDir) {
  process.stderr.write('usage: tsx bench/start-probe.ts DIR CACHE_DIR\n')
  process.exit(2)
}
const core = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core')
const t = performance.now()
const code = codeKey(readdirSync(core).map((name) => join(core, name)))
const opened = openKnowledge(dir, { cacheDir, code })
const ex = explainerFor(opened.kb)
const ms = performance.now() - t
ex.ask('What did the minister say?')
const peakRssMB = process.resourceUsage().maxRSS / 1024
process.stdout.write(
  `${JSON.stringify({ ms, peakRssMB, reused: opened.reused, compiled: opened.compiled, articles: opened.kb.articles.size, facts: opened.kb.facts.length })}\n`,
)
