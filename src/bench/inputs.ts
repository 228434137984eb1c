import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArticle } from '../core/parse-article.js'
import type { Article } from '../core/types.js'

/**
 * Where the bench finds its inputs. Paths are resolved from this file, not from the working
 * directory, so `npm run bench` behaves the same from any folder: the repo is two levels up from
 * src/bench/, and the shared eval material sits next to the repo (`../shared`).
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared')
export const KNOWLEDGE_DIR = join(REPO_ROOT, 'knowledge')
export const DEV_QUESTIONS = join(SHARED_DIR, 'eval', 'dev-questions.json')
export const SQUAD_DIR = join(SHARED_DIR, 'eval', 'squad2')

type QuestionEntry = { q?: unknown }

/** The `q` strings of a question file (shared/eval format); anything else in it is ignored. */
export function loadQuestions(file: string): string[] {
  if (!existsSync(file)) throw new Error(`${file}: no such question file (pass --questions FILE)`)
  const data = JSON.parse(readFileSync(file, 'utf8')) as QuestionEntry[]
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of {"q": "..."}`)
  const out = data.map((e) => e.q).filter((q): q is string => typeof q === 'string' && q.trim().length > 0)
  if (!out.length) throw new Error(`${file}: has no questions`)
  return out
}

/** The SQuAD article folders (each with article.md) and their question files, sorted by name. */
function squadSlugs(): string[] {
  if (!existsSync(SQUAD_DIR)) return []
  return readdirSync(SQUAD_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(SQUAD_DIR, d.name, 'article.md')))
    .map((d) => d.name)
    .sort()
}

/**
 * Every `step`-th question of each SQuAD file: a fixed, spread-out sample (not the first N, which
 * would all ask about an article's opening), so runs stay comparable and within the time budget.
 */
export function squadQuestions(perFile: number): string[] {
  const out: string[] = []
  for (const slug of squadSlugs()) {
    const file = join(SQUAD_DIR, `${slug}.questions.json`)
    if (!existsSync(file)) continue
    const all = loadQuestions(file)
    const take = Math.min(perFile, all.length)
    for (let k = 0; k < take; k++) out.push(all[Math.floor((k * all.length) / take)])
  }
  return out
}

/** Source articles whose sentences the scale mode recombines: the repo's knowledge and SQuAD's. */
export function sourceArticles(): Article[] {
  const out: Article[] = []
  const dirs = existsSync(KNOWLEDGE_DIR) ? readdirSync(KNOWLEDGE_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()) : []
  for (const d of dirs.sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(KNOWLEDGE_DIR, d.name, 'article.md')
    if (existsSync(file)) out.push(parseArticle(readFileSync(file, 'utf8'), d.name, file))
  }
  for (const slug of squadSlugs()) {
    const file = join(SQUAD_DIR, slug, 'article.md')
    out.push(parseArticle(readFileSync(file, 'utf8'), slug, file))
  }
  return out
}
