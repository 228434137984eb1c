import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseQuestionFile } from '../src/core/evaluate.js'
import { createExplainer } from '../src/core/explainer.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'

/**
 * Every citation must quote its article word for word: each quote is a substring of the article.md
 * file as the operator wrote it. An answer cites one to three sentences; any other status cites none.
 */
type EvalSet = { name: string; questions: string; knowledge: string; limit: number }

const EVAL = '/work/shared/eval'
const SQUAD = ['1973_oil_crisis', 'harvard_university', 'normans', 'packet_switching']
const SETS: EvalSet[] = [
  {
    name: 'dev',
    questions: `${EVAL}/dev-questions.json`,
    knowledge: 'knowledge',
    limit: Number.POSITIVE_INFINITY,
  },
  ...SQUAD.map((s) => ({
    name: s,
    questions: `${EVAL}/squad2/${s}.questions.json`,
    knowledge: `${EVAL}/squad2/${s}`,
    limit: 60,
  })),
]

describe('grounding: citations quote the article verbatim', () => {
  it.each(SETS)('$name: every citation is a verbatim substring of the article, 1–3 per answer, 0 otherwise', (set) => {
    const articles = loadKnowledge(set.knowledge)
    // The article.md text of each article, by slug: a folder of article folders or one article folder.
    const sources = new Map<string, { file: string; text: string }>()
    for (const a of articles) {
      const file = [join(set.knowledge, a.slug, 'article.md'), join(set.knowledge, 'article.md')].find((f) => existsSync(f))
      expect(file, `article.md of ${a.slug}`).toBeDefined()
      if (file) sources.set(a.slug, { file, text: readFileSync(file, 'utf8') })
    }
    const bot = createExplainer(articles)
    const questions = parseQuestionFile(readFileSync(set.questions, 'utf8')).slice(0, set.limit)
    expect(questions.length).toBeGreaterThanOrEqual(Math.min(set.limit, 60))

    const problems: string[] = []
    let answered = 0
    for (const { q } of questions) {
      const a = bot.ask(q)
      if (a.status === 'answered') {
        answered++
        if (a.citations.length < 1 || a.citations.length > 3) problems.push(`${q}: answered with ${a.citations.length} citations`)
      } else if (a.citations.length !== 0) {
        problems.push(`${q}: ${a.status} but cites ${a.citations.length}`)
      }
      for (const c of a.citations) {
        const source = sources.get(c.ref.replace(/#.*$/, ''))
        if (!source) problems.push(`${q}: cites an unknown article: ${c.ref}`)
        else if (!c.quote.trim() || !source.text.includes(c.quote)) problems.push(`${q}: not verbatim in ${source.file}: ${JSON.stringify(c.quote)}`)
      }
    }
    // The check means something only if some questions were answered.
    expect(answered).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })
})
