import { describe, expect, it } from 'vitest'
import { checkKnowledge, formatCheck } from '../src/knowledge/check-knowledge.js'
import { folder } from './support/folders.js'
import { runCli } from './support/run-cli.js'

const GOOD = '# The Harbour Wall\n\nThe wall was built in 1850. It is 400 metres long. Fishermen mend their nets on it every morning.\n'

const warningsOf = (dir: string, slug: string) =>
  checkKnowledge(dir)
    .articles.find((a) => a.slug === slug)
    ?.warnings.join('\n') ?? ''

describe('explainer check', () => {
  it('lists a sound article with its title and sentence count, and no warning', () => {
    const report = checkKnowledge(folder({ 'wall/article.md': GOOD }))
    expect(report.articles).toEqual([
      { slug: 'wall', file: expect.stringMatching(/wall\/article\.md$/), title: 'The Harbour Wall', sentences: 3, warnings: [] },
    ])
    expect(report.broken).toEqual([])
  })

  it('warns about an article with fewer than three sentences', () => {
    expect(warningsOf(folder({ 'short/article.md': '# Short\n\nOne sentence only.\n' }), 'short')).toMatch(/only 1 sentence: few questions/)
  })

  it('warns about a sentence so long its full stops are probably missing', () => {
    const run = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ')
    expect(warningsOf(folder({ 'table/article.md': `${GOOD}\n${run}\n` }), 'table')).toMatch(/a sentence of 120 words/)
  })

  it('warns about sentences the article repeats word for word', () => {
    expect(warningsOf(folder({ 'echo/article.md': `${GOOD}\nThe wall was built in 1850.\n` }), 'echo')).toMatch(/1 sentence repeated word for word/)
  })

  it('warns about two articles with the same title', () => {
    const dir = folder({ 'a/article.md': GOOD, 'b/article.md': GOOD })
    expect(warningsOf(dir, 'a')).toMatch(/same title as b/)
    expect(warningsOf(dir, 'b')).toMatch(/same title as a/)
  })

  it('warns about Markdown beside the article that is not read', () => {
    expect(warningsOf(folder({ 'wall/article.md': GOOD, 'wall/notes.md': '# Notes\n\nDraft.\n' }), 'wall')).toMatch(/notes\.md beside it is not read/)
  })

  it('reports a broken article (not UTF-8, no title) with its file, and keeps checking the rest', () => {
    const dir = folder({
      'bad/article.md': Buffer.from([0x23, 0x20, 0x54, 0x0a, 0x0a, 0xff, 0xfe, 0x41]),
      'untitled/article.md': 'Just text, no title line.\n',
      'wall/article.md': GOOD,
    })
    const report = checkKnowledge(dir)
    expect(report.articles.map((a) => a.slug)).toEqual(['wall'])
    expect(report.broken.map((b) => [b.slug, b.error.replace(dir, '')])).toEqual([
      ['bad', expect.stringMatching(/bad\/article\.md: is not UTF-8/)],
      ['untitled', expect.stringMatching(/untitled\/article\.md: no title/)],
    ])
    expect(formatCheck(report, dir)).toMatch(/^error bad: left out: bad\/article\.md: is not UTF-8/m)
  })

  it('lists a folder skipped because it holds no article', () => {
    const report = checkKnowledge(folder({ 'wall/article.md': GOOD, 'photos/picture.txt': 'not an article' }))
    expect(report.skipped).toEqual([expect.stringMatching(/photos: skipped: no article\.md in it$/)])
    expect(formatCheck(report, '.')).toMatch(/^skip {2}.*photos: skipped/m)
  })

  it('exits 0 with warnings, 1 with a broken article, as the command line', async () => {
    const warned = await runCli(['check', '--knowledge', folder({ 'short/article.md': '# Short\n\nOne sentence only.\n' })])
    expect(warned.code).toBe(0)
    expect(warned.stdout).toMatch(/^warn {2}short: "Short", 1 sentence\n {8}only 1 sentence/m)
    expect(warned.stdout).toMatch(/1 article read, 1 with warnings, 0 broken, 0 folders skipped/)
    const broken = await runCli(['check', '--json', '--knowledge', folder({ 'wall/article.md': GOOD, 'untitled/article.md': 'No title.\n' })])
    expect(broken.code).toBe(1)
    expect(JSON.parse(broken.stdout).broken).toHaveLength(1)
  })
})
