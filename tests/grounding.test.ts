import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isRight, parseQuestionFile } from '../src/core/evaluate.js'
import { createExplainer } from '../src/core/explainer.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

/**
 * Every citation must quote its article word for word: each quote is a substring of the article.md
 * file as the operator wrote it, where a line break inside a paragraph counts as the space that
 * Markdown makes of it. An answer cites one to three sentences; a decline at most the one closest sentence it offers.
 * The questions (tests/fixtures/questions.json) were written for this test, per knowledge folder.
 */
const root = join(import.meta.dirname, '..')
const byFolder = JSON.parse(readFileSync(join(root, 'tests/fixtures/questions.json'), 'utf8')) as Record<string, unknown>
const SETS = Object.entries(byFolder)
  .filter(([key]) => !key.startsWith('$'))
  .map(([knowledge, questions]) => ({ knowledge: join(root, knowledge), name: knowledge, questions: parseQuestionFile(JSON.stringify(questions)) }))

const spaced = (text: string): string => text.replace(/\s+/g, ' ')

describe('grounding: citations quote the article verbatim', () => {
  it.each(SETS)('$name: every citation is a verbatim substring of the article, 1–3 per answer, at most 1 for a decline', (set) => {
    const articles = loadKnowledge(set.knowledge)
    // The article.md text of each article, by slug: a folder of article folders or one article folder.
    const sources = new Map<string, { file: string; text: string }>()
    for (const a of articles) {
      const file = [join(set.knowledge, a.slug, 'article.md'), join(set.knowledge, 'article.md')].find((f) => existsSync(f))
      expect(file, `article.md of ${a.slug}`).toBeDefined()
      if (file) sources.set(a.slug, { file, text: spaced(readFileSync(file, 'utf8')) })
    }
    const bot = createExplainer(articles)
    const problems: string[] = []
    let right = 0
    for (const question of set.questions) {
      const a = bot.ask(question.q)
      if (isRight(question, a)) right++
      if (a.status === 'answered' && (a.citations.length < 1 || a.citations.length > 3))
        problems.push(`${question.q}: answered with ${a.citations.length} citations`)
      // A decline cites at most the closest sentence it offers instead.
      if (a.status !== 'answered' && a.citations.length > 1) problems.push(`${question.q}: ${a.status} but cites ${a.citations.length}`)
      for (const c of a.citations) {
        const source = sources.get(c.ref.replace(/#.*$/, ''))
        if (!source) problems.push(`${question.q}: cites an unknown article: ${c.ref}`)
        else if (!c.quote.trim() || !source.text.includes(spaced(c.quote)))
          problems.push(`${question.q}: not verbatim in ${source.file}: ${JSON.stringify(c.quote)}`)
      }
    }
    expect(problems).toEqual([])
    // The check means something only if the answers were the right ones, quotes and all.
    expect(right, 'questions answered (or declined) right').toBeGreaterThanOrEqual(set.questions.length - 1)
  })
})
