import { readdirSync } from 'node:fs'
import { basename, dirname, relative } from 'node:path'
import { FLAG } from '../core/compile-article.js'
import { words } from '../core/normalize.js'
import { plural } from '../plural.js'
import { listKnowledge } from './load-knowledge.js'
import { compileKnowledge } from './saved-index.js'

/** A sentence this long is most likely text whose sentences were never split (a table, a list without stops). */
export const LONG_SENTENCE_WORDS = 100
/** An article this short gives few answers: worth a word, not an error. */
export const FEW_SENTENCES = 3

export type CheckedArticle = { slug: string; file: string; title: string; sentences: number; warnings: string[] }
export type BrokenArticle = { slug: string; file: string; error: string }
export type CheckReport = { articles: CheckedArticle[]; broken: BrokenArticle[]; skipped: string[] }

/**
 * Reads a knowledge folder as the bot does (the same listing, parsing and sentence splitting) and
 * says, article by article, what it found and what looks wrong. Nothing is saved.
 */
export function checkKnowledge(path: string): CheckReport {
  const listing = listKnowledge(path)
  const broken: BrokenArticle[] = []
  const { units, entries } = compileKnowledge(listing.sources, {
    onBroken: (source, error) => broken.push({ slug: source.slug, file: source.file, error: error.message }),
  })
  const files = [...entries.keys()]
  const skipped = [...listing.skipped]
  const titles = new Map<string, string[]>()
  for (const unit of units) titles.set(unit.info.title, [...(titles.get(unit.info.title) ?? []), unit.info.slug])

  const articles = units.map((unit, i): CheckedArticle => {
    const warnings: string[] = []
    const searchable = unit.flags.filter((f) => !(f & FLAG.duplicate)).length
    if (searchable < FEW_SENTENCES) warnings.push(`only ${plural(searchable, 'sentence')}: few questions can be answered`)
    const longest = Math.max(0, ...unit.facts.map((f) => words(f.text).length))
    if (longest >= LONG_SENTENCE_WORDS) warnings.push(`a sentence of ${longest} words: is a paragraph missing its full stops or line breaks?`)
    const repeated = unit.facts.length - searchable
    if (repeated) warnings.push(`${plural(repeated, 'sentence')} repeated word for word (answered once)`)
    const same = (titles.get(unit.info.title) ?? []).filter((s) => s !== unit.info.slug)
    if (same.length) warnings.push(`same title as ${same.join(', ')}: people picking an article by title cannot tell them apart`)
    const ignored = otherMarkdown(files[i])
    if (ignored.length) warnings.push(`${ignored.join(', ')} beside it ${ignored.length === 1 ? 'is' : 'are'} not read: only one article file a folder`)
    return { slug: unit.info.slug, file: files[i], title: unit.info.title, sentences: unit.facts.length, warnings }
  })
  return { articles, broken, skipped }
}

/** Markdown files in an article's folder other than the one read (a README is never an article). */
function otherMarkdown(file: string): string[] {
  const name = basename(file)
  if (!/^(article|index)\.(md|markdown)$/i.test(name)) return []
  try {
    return readdirSync(dirname(file))
      .filter((n) => /\.(md|markdown)$/i.test(n) && n !== name && !/^readme\./i.test(n) && !n.startsWith('.'))
      .sort()
  } catch {
    return []
  }
}

/** The report as lines a person reads: one per article, then what was left out and skipped. */
export function formatCheck(report: CheckReport, root: string): string {
  const rel = (file: string) => relative(root, file) || basename(file)
  const lines: string[] = []
  const n = report.articles.length
  const warned = report.articles.filter((a) => a.warnings.length).length
  for (const a of report.articles) {
    lines.push(`${a.warnings.length ? 'warn ' : 'ok   '} ${a.slug}: "${a.title}", ${plural(a.sentences, 'sentence')}`)
    for (const w of a.warnings) lines.push(`        ${w}`)
  }
  for (const b of report.broken) lines.push(`error ${b.slug}: left out: ${b.error.replace(b.file, rel(b.file))}`)
  for (const s of report.skipped) lines.push(`skip  ${s}`)
  lines.push(`${plural(n, 'article')} read, ${warned} with warnings, ${report.broken.length} broken, ${plural(report.skipped.length, 'folder')} skipped`)
  return `${lines.join('\n')}\n`
}
