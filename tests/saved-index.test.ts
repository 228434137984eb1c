import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { explainerFor } from '../src/core/explainer.js'
import { openKnowledge } from '../src/knowledge/open-knowledge.js'
import { folder as scratch } from './support/folders.js'

const questions = ['Who is Andrew Selee?', 'When was the lighthouse finished?', 'How do I cook rice?', 'summary']

/** A knowledge folder of its own (the seed article and the fixture), so a test may change files in it. */
function folder(): string {
  const dir = scratch({}, 'explainer-knowledge-')
  cpSync('knowledge/mexico-migration', join(dir, 'mexico-migration'), { recursive: true })
  cpSync('tests/fixtures/knowledge/alder-lighthouse', join(dir, 'alder-lighthouse'), { recursive: true })
  return dir
}

function run(knowledge: string, cacheDir: string, code = 'test') {
  const notes: string[] = []
  const opened = openKnowledge(knowledge, { cacheDir, code, onNote: (line) => notes.push(line) })
  const ex = explainerFor(opened.kb, { recentAnswers: 0 })
  return { notes, opened, answers: questions.map((q) => ex.ask(q)) }
}

describe('the saved index', () => {
  it('is saved after a build and loaded the next time, reading no article, giving the same answers', () => {
    const knowledge = folder()
    const cache = scratch({}, 'explainer-index-')
    const built = run(knowledge, cache)
    expect(built.notes.join('\n')).toMatch(/saved the index/)
    expect(built.opened.compiled).toBe(2)
    expect(readdirSync(cache).filter((f) => f.startsWith('index-'))).toHaveLength(1)
    const loaded = run(knowledge, cache)
    expect(loaded.notes.join('\n')).toMatch(/loaded the saved index of 2 articles/)
    expect(loaded.opened).toMatchObject({ compiled: 0, reused: 2 })
    expect(loaded.answers).toEqual(built.answers)
  })

  it('compiles again only the article whose file changed (size or time)', () => {
    const knowledge = folder()
    const cache = scratch({}, 'explainer-index-')
    run(knowledge, cache)
    const file = join(knowledge, 'alder-lighthouse', 'article.md')
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe keeper painted the door blue in 1931.\n`)
    const later = new Date(Date.now() + 5_000)
    utimesSync(file, later, later)
    const again = run(knowledge, cache)
    expect(again.opened).toMatchObject({ compiled: 1, reused: 1 })
    expect(again.notes.join('\n')).toMatch(/saved the index/)
    const ex = explainerFor(again.opened.kb)
    expect(ex.ask('What colour did the keeper paint the door?').citations[0]?.quote).toContain('blue')
  })

  it('is rebuilt, not trusted, when it cannot be read or other code saved it', () => {
    const knowledge = folder()
    const cache = scratch({}, 'explainer-index-')
    run(knowledge, cache)
    const [file] = readdirSync(cache)
    writeFileSync(join(cache, file), '{"format": 2, "entries": [')
    const broken = run(knowledge, cache)
    expect(broken.notes.join('\n')).toMatch(/could not be read.*rebuilding/)
    expect(broken.opened.compiled).toBe(2)
    expect(broken.answers[0].status).toBe('answered')
    const otherCode = run(knowledge, cache, 'other')
    expect(otherCode.opened.compiled).toBe(2)
  })
})
