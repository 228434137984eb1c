import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KnowledgeError } from '../src/core/errors.js'
import { loadKnowledge } from '../src/knowledge/load-knowledge.js'
import { folder } from './support/folders.js'

describe('loading a knowledge folder', () => {
  it('loads a folder of article folders, each named by its folder', () => {
    const dir = folder({ 'one/article.md': '# One\n\nFirst text.', 'two/article.md': '# Two\n\nSecond text.' })
    expect(loadKnowledge(dir).map((a) => a.slug)).toEqual(['one', 'two'])
  })

  it('loads a single Markdown file named by its file name', () => {
    const dir = folder({ 'my-story.md': '# Story\n\nText.' })
    expect(loadKnowledge(join(dir, 'my-story.md')).map((a) => a.slug)).toEqual(['my-story'])
  })

  it('loads a folder of plain Markdown files', () => {
    const dir = folder({ 'a.md': '# A\n\nText a.', 'b.md': '# B\n\nText b.' })
    expect(loadKnowledge(dir).map((a) => a.title)).toEqual(['A', 'B'])
  })

  it('refuses an article that is not UTF-8, naming the file', () => {
    const dir = folder({ 'bad/article.md': Buffer.from([0x23, 0x20, 0x54, 0x0a, 0x0a, 0xff, 0xfe, 0x41]) })
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError)
    expect(() => loadKnowledge(dir)).toThrow(/bad\/article\.md: is not UTF-8/)
  })

  it('says which folder is missing and what to do', () => {
    expect(() => loadKnowledge('/nonexistent/knowledge')).toThrow(/no such file or folder: put articles in knowledge/)
  })

  it('says a folder without articles has none', () => {
    const dir = folder({ 'notes.txt': 'hello' })
    expect(() => loadKnowledge(dir)).toThrow(/holds no article/)
  })

  it('says once, per folder, that a folder without an article was skipped', () => {
    const dir = folder({ 'one/article.md': '# One\n\nFirst text.', 'drafts/notes.txt': 'todo', 'images/x.png': 'png' })
    const notes: string[] = []
    expect(loadKnowledge(dir, { onSkip: (line) => notes.push(line) }).map((a) => a.slug)).toEqual(['one'])
    expect(notes).toEqual([`${join(dir, 'drafts')}: skipped: no article.md in it`, `${join(dir, 'images')}: skipped: no article.md in it`])
  })

  it('refuses a project folder whose only Markdown is a README (`--knowledge .`)', () => {
    const dir = folder({ 'README.md': '# My project\n\nHow to install it.', 'src/index.ts': 'export {}', 'docs/setup.txt': 'x' })
    expect(() => loadKnowledge(dir)).toThrow(/holds no article \(no article\.md, and no folder with one\)/)
    expect(() => loadKnowledge(join(dir, 'README.md'))).not.toThrow() // named on purpose, a file is an article
  })
})
