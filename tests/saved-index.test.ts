import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { explainerFor } from '../src/core/explainer.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'
import { loadOrBuild } from '../src/knowledge/saved-index.js'

const articles = [...loadKnowledge('knowledge'), ...loadKnowledge('tests/fixtures/knowledge')]
const codeFiles = [join(import.meta.dirname, '../src/core/snapshot.ts')]
const questions = ['Who is Andrew Selee?', 'When was the lighthouse finished?', 'How do I cook rice?', 'summary']

function run(dir: string) {
  const notes: string[] = []
  const kb = loadOrBuild(articles, { dir, codeFiles, minArticles: 1, onNote: (line) => notes.push(line) })
  const ex = explainerFor(kb, { recentAnswers: 0 })
  return { notes, answers: questions.map((q) => ex.ask(q)) }
}

describe('the saved index', () => {
  it('is saved after a build and loaded the next time, giving the same answers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explainer-index-'))
    const built = run(dir)
    expect(built.notes.join('\n')).toMatch(/saved the index/)
    expect(readdirSync(dir).filter((f) => f.startsWith('index-'))).toHaveLength(1)
    const loaded = run(dir)
    expect(loaded.notes.join('\n')).toMatch(/loaded the saved index/)
    expect(loaded.answers).toEqual(built.answers)
  })

  it('is rebuilt, not trusted, when it cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explainer-index-'))
    run(dir)
    const [file] = readdirSync(dir)
    writeFileSync(join(dir, file), '{"format": 1, "facts": [')
    const again = run(dir)
    expect(again.notes.join('\n')).toMatch(/could not be read.*rebuilding/)
    expect(again.answers[0].status).toBe('answered')
  })

  it('is not used for a handful of articles, which build in milliseconds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explainer-index-'))
    loadOrBuild(articles, { dir, codeFiles, minArticles: 50 })
    expect(readdirSync(dir)).toEqual([])
  })
})
