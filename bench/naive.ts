import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import MiniSearch from 'minisearch'

/**
 * The yardstick for archive-scale figures: the simplest bot one could write, "MiniSearch over
 * every sentence". It reads every article.md under DIR, splits paragraphs into sentences at
 * . ! ? followed by a space, indexes each sentence once with MiniSearch's defaults (its own
 * tokenizer, no stop words, no stemming) and rebuilds everything on every start: no saved index.
 * `tsx bench/naive.ts DIR` prints one JSON line: articles, sentences, buildMs (read + split +
 * index), cpuMs (the same in CPU time: steadier than the clock on a shared machine), peakRssMB
 * (the process's peak resident memory, as the bench reads it for the bot).
 */

type Sentence = { id: number; article: string; text: string }

function articleFiles(dir: string): string[] {
  const own = join(dir, 'article.md')
  try {
    if (statSync(own).isFile()) return [own]
  } catch {}
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'article.md')
    try {
      if (statSync(file).isFile()) out.push(file)
    } catch {}
  }
  return out
}

export function naiveBuild(dir: string): { index: MiniSearch<Sentence>; articles: number; sentences: number } {
  const files = articleFiles(dir)
  const docs: Sentence[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const paragraph of text.split(/\n\s*\n/)) {
      const clean = paragraph
        .replace(/^#+\s*/, '')
        .replace(/\s+/g, ' ')
        .trim()
      if (!clean) continue
      for (const s of clean.split(/(?<=[.!?])\s+/)) docs.push({ id: docs.length, article: file, text: s })
    }
  }
  const index = new MiniSearch<Sentence>({ fields: ['text'], storeFields: ['article', 'text'] })
  index.addAll(docs)
  return { index, articles: files.length, sentences: docs.length }
}

if (process.argv[1]?.endsWith('naive.ts')) {
  const dir = process.argv[2]
  if (!dir) {
    process.stderr.write('usage: tsx bench/naive.ts DIR\n')
    process.exit(2)
  }
  const t = performance.now()
  const cpu = process.cpuUsage()
  const built = naiveBuild(dir)
  const buildMs = performance.now() - t
  const used = process.cpuUsage(cpu)
  // One search, so the index is used as a bot would use it.
  built.index.search('who said what')
  const peakRssMB = process.resourceUsage().maxRSS / 1024
  process.stdout.write(
    `${JSON.stringify({ articles: built.articles, sentences: built.sentences, buildMs, cpuMs: (used.user + used.system) / 1000, peakRssMB })}\n`,
  )
}
