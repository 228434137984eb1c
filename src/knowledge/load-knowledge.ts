import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseAliasFile } from '../core/aliases.js'
import { KnowledgeError } from '../core/errors.js'
import { parseArticle } from '../core/parse-article.js'
import type { Article } from '../core/types.js'

/**
 * The names an article file may have in its folder. A README.md is never an article: it is what a
 * project folder (`--knowledge .`) or a folder of notes holds, and serving it would answer from it.
 */
const ARTICLE_FILES = ['article.md', 'article.markdown', 'index.md']
const isReadme = (name: string): boolean => /^readme\.(md|markdown)$/i.test(name)

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** Reads a text file or says, naming it, why it cannot be used. */
function read(file: string): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (e) {
    throw new KnowledgeError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}): check the path and its permissions`)
  }
  try {
    return UTF8.decode(bytes)
  } catch {
    throw new KnowledgeError(`${file}: is not UTF-8 text: save the article as UTF-8 Markdown`)
  }
}

/** Lists a folder, turning a file-system refusal into a message that names it. */
function list(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch (e) {
    throw new KnowledgeError(`${dir}: cannot be listed (${(e as NodeJS.ErrnoException).code ?? 'error'}): check the path and its permissions`)
  }
}

function articleFileIn(dir: string): string | undefined {
  for (const name of ARTICLE_FILES) if (existsSync(join(dir, name))) return join(dir, name)
  const md = list(dir)
    .filter((n) => n.endsWith('.md') && !n.startsWith('.') && !isReadme(n))
    .sort()
  return md.length === 1 ? join(dir, md[0]) : undefined
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function slugOf(name: string): string {
  return (
    name
      .replace(/\.(md|markdown)$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'article'
  )
}

/** One article of a knowledge folder: its file, the slug it is known by, and its aliases file if any. */
export type ArticleSource = { slug: string; file: string; aliasFile?: string }

/** What a knowledge folder holds, found without reading any article. */
export type Listing = { sources: ArticleSource[]; skipped: string[] }

function sourceOf(file: string, slug: string): ArticleSource {
  const aliasFile = join(dirname(file), 'aliases.txt')
  return existsSync(aliasFile) ? { slug, file, aliasFile } : { slug, file }
}

/** Reads and parses one article (and its aliases); a KnowledgeError names the file and what to do. */
export function readArticle(source: ArticleSource): Article {
  const article = parseArticle(read(source.file), source.slug, source.file)
  if (source.aliasFile) {
    const table = parseAliasFile(read(source.aliasFile), source.aliasFile)
    article.aliases = Object.fromEntries([...table].map(([k, v]) => [k, [...v]]))
  }
  return article
}

export type LoadOptions = {
  /** Told once per folder left out (no article file in it), so nothing is skipped without a word. */
  onSkip?: (line: string) => void
}

/**
 * Finds the articles of a knowledge folder without reading them. Accepts a folder of article
 * folders (`knowledge/<slug>/article.md`), one article folder, a folder of Markdown files, or one
 * Markdown file. Anything wrong is a KnowledgeError naming the path and what to do.
 */
export function listKnowledge(path: string): Listing {
  const full = resolve(path)
  if (!existsSync(full)) throw new KnowledgeError(`${path}: no such file or folder: put articles in knowledge/<slug>/article.md or pass --knowledge DIR`)
  const stat = statSync(full)
  // knowledge/<slug>/article.md is named by its folder; any other file by its own name.
  if (stat.isFile())
    return {
      sources: [sourceOf(full, slugOf(/^(article|index)\.(md|markdown)$/i.test(basename(full)) ? basename(dirname(full)) : basename(full)))],
      skipped: [],
    }

  const own = articleFileIn(full)
  const subdirs = list(full).filter((name) => !name.startsWith('.') && name !== 'node_modules' && isDirectory(join(full, name)))
  const sources: ArticleSource[] = []
  const skippedNames: string[] = []
  for (const name of subdirs.sort((a, b) => a.localeCompare(b))) {
    const file = articleFileIn(join(full, name))
    if (file) sources.push(sourceOf(file, slugOf(name)))
    else skippedNames.push(name)
  }
  if (own && !sources.length) return { sources: [sourceOf(own, slugOf(basename(full)))], skipped: [] }
  if (!sources.length) {
    const files = list(full)
      .filter((n) => /\.(md|markdown)$/i.test(n) && !isReadme(n))
      .sort()
    for (const n of files) sources.push(sourceOf(join(full, n), slugOf(n)))
  }
  if (!sources.length)
    throw new KnowledgeError(
      `${path}: holds no article (no article.md, and no folder with one): put each article in <folder>/<slug>/article.md with a "# Title" and paragraphs`,
    )
  const slugs = new Set<string>()
  for (const a of sources) {
    if (slugs.has(a.slug)) throw new KnowledgeError(`${path}: two articles share the name "${a.slug}": rename one of their folders`)
    slugs.add(a.slug)
  }
  // Said only beside articles that were found: a folder of articles with a stray folder in it.
  return { sources, skipped: skippedNames.map((name) => `${join(path, name)}: skipped: no article.md in it`) }
}

/** Lists and reads every article of a knowledge folder (see listKnowledge). */
export function loadKnowledge(path: string, options: LoadOptions = {}): Article[] {
  const { sources, skipped } = listKnowledge(path)
  const articles = sources.map(readArticle)
  for (const line of skipped) options.onSkip?.(line)
  return articles
}
