import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArticle } from '../src/core/parse-article.js'
import type { Article } from '../src/core/types.js'

/**
 * Where the bench finds its inputs. Paths are resolved from this file, not from the working
 * directory, so `npm run bench` behaves the same from any folder: the repo is one level up from
 * bench/, and the shared eval material sits next to the repo (`../shared`).
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared')
export const KNOWLEDGE_DIR = join(REPO_ROOT, 'knowledge')
export const DEV_QUESTIONS = join(SHARED_DIR, 'eval', 'dev-questions.json')
export const SQUAD_DIR = join(SHARED_DIR, 'eval', 'squad2')

type QuestionEntry = { q?: unknown }

/**
 * Questions about the seed article written for the bench, used when the shared dev questions are
 * not beside the repo (a fresh clone): a mix of people, numbers, places, quotes and questions the
 * article does not answer, as people ask them.
 */
const OWN_QUESTIONS = [
  'Who is Andrew Selee?',
  'What did Ned Price say about sovereignty?',
  'How many flights a week return migrants to Central America?',
  'How long is the border between Mexico and the US?',
  'How many apprehensions were there in September?',
  'What is Title 42?',
  'Why did López Obrador accept asylum seekers in 2019?',
  'Where did Bárcena hold meetings last week?',
  'What happened in Pijijiapan?',
  'By how much did crossings drop after the meeting?',
  'What do critics say about democracy in Mexico?',
  'Who is Maureen Meyer?',
  'What did Arturo Sarukhán say?',
  'summary',
  'What is the population of Mexico?',
  'How do I cook rice?',
  'Who won the World Cup?',
  'What did Kamala Harris say?',
]

/** The questions to time: a file given with --questions, else the shared dev questions, else the bench's own. */
export function benchQuestions(file: string | undefined): string[] {
  if (file) return loadQuestions(file)
  return existsSync(DEV_QUESTIONS) ? loadQuestions(DEV_QUESTIONS) : OWN_QUESTIONS
}

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
