import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildKnowledgeBase, type KnowledgeBase } from '../src/core/knowledge-base.js'
import type { Article } from '../src/core/types.js'
import { buildViews, type ViewItems } from '../src/core/views/index.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'
import { KNOWLEDGE_DIR, SQUAD_DIR } from './inputs.js'
import { median, table, timed } from './stats.js'

/**
 * `npm run bench:views [-- DIR…]`: the explainer views of each article folder given (default: the
 * repo's knowledge/ and the SQuAD articles next to the repo), with how many items each view has,
 * whether every citation and every item's words are the article's own, and what the views cost
 * next to building the article's index (medians of RUNS builds each, taking turns). Run by hand: tests never read
 * outside the repository.
 */
const RUNS = 9

function folders(): string[] {
  const given = process.argv.slice(2)
  if (given.length) return given
  const squad = existsSync(SQUAD_DIR)
    ? readdirSync(SQUAD_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(SQUAD_DIR, d.name))
        .sort()
    : []
  return [KNOWLEDGE_DIR, ...squad]
}

/** Items whose citations are not sentences of the article, or whose words are not in what they cite. */
function problems(kb: KnowledgeBase, articles: Article[], slug: string, views: ViewItems): number {
  const source =
    articles
      .find((a) => a.slug === slug)
      ?.blocks.map((b) => b.text)
      .join('\n') ?? ''
  const sentences = new Set(kb.facts.map((f) => f.text))
  let bad = 0
  const check = (item: { citations: { quote: string }[] }, own: (string | undefined)[]) => {
    const cited = item.citations.map((c) => c.quote).join(' ')
    const ok =
      item.citations.length > 0 && item.citations.every((c) => sentences.has(c.quote) && source.includes(c.quote)) && own.every((t) => !t || cited.includes(t))
    if (!ok) bad++
  }
  for (const w of views.who) check(w, [w.name, w.role])
  for (const t of views.timeline) check(t, [t.text, t.when])
  for (const n of views.numbers) check(n, [n.value, n.what])
  for (const q of views.quotes) check(q, [q.quote])
  return bad
}

const rows: string[][] = [
  ['article', 'facts', 'who', 'people', 'orgs', 'timeline', 'dated', 'numbers', 'quotes', 'with speaker', 'not verbatim', 'index ms', 'views ms'],
]
const ratios: number[] = []
for (const dir of folders()) {
  const articles = loadKnowledge(dir)
  // Index builds and view builds take turns, so a busy machine slows both alike; the first of each is a warm-up.
  const kb = buildKnowledgeBase(articles)
  for (const slug of kb.articles.keys()) buildViews(kb, slug)
  const builds: number[] = []
  const runs: number[] = []
  for (let i = 0; i < RUNS; i++) {
    builds.push(timed(() => buildKnowledgeBase(articles)).ms)
    runs.push(timed(() => [...kb.articles.keys()].map((slug) => buildViews(kb, slug))).ms)
  }
  for (const slug of kb.articles.keys()) {
    const views = buildViews(kb, slug)
    const indexMs = median(builds)
    const viewsMs = median(runs)
    ratios.push(viewsMs / indexMs)
    rows.push([
      slug,
      String(kb.facts.length),
      String(views.who.length),
      String(views.who.filter((w) => w.kind === 'person').length),
      String(views.who.filter((w) => w.kind === 'organization').length),
      String(views.timeline.length),
      String(views.timeline.filter((t) => t.date).length),
      String(views.numbers.length),
      String(views.quotes.length),
      String(views.quotes.filter((q) => q.speaker).length),
      String(problems(kb, articles, slug, views)),
      indexMs.toFixed(1),
      viewsMs.toFixed(1),
    ])
  }
}
process.stdout.write(`${table(rows)}\nviews / index build, median over the articles: ${median(ratios).toFixed(2)}x (max ${Math.max(...ratios).toFixed(2)}x)\n`)
