import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeKeyOfImports, importGraph } from '../src/knowledge/code-key.js'
import { folder } from './support/folders.js'

describe("the saved index's code key", () => {
  it('changes with the code the opener imports, and not with code it never loads', () => {
    const dir = folder({
      'knowledge/open.js': "import { split } from '../core/split.js'\nexport const open = split\n",
      'core/split.js': "export { words } from './words.js'\nexport const split = (t) => t.split('.')\n",
      'core/words.js': 'export const words = (t) => t.split(" ")\n',
      'core/rank.js': "import { words } from './words.js'\nexport const rank = words\n",
    })
    const key = () => codeKeyOfImports([join(dir, 'knowledge/open.js')], dir)
    const first = key()
    // Ranking is not how articles are compiled: a saved index stays good after tuning it.
    writeFileSync(join(dir, 'core/rank.js'), 'export const rank = () => 1\n')
    expect(key()).toBe(first)
    // A module two imports away (through `export … from`) decides what a compiled article holds.
    writeFileSync(join(dir, 'core/words.js'), 'export const words = (t) => t.split(/\\s+/)\n')
    expect(key()).not.toBe(first)
  })

  it('follows dynamic imports and names files from the root, so a moved project keeps its key', () => {
    const files = { 'a.js': "const b = await import('./b.js')\n", 'b.js': 'export {}\n' }
    const one = folder(files)
    const two = folder(files)
    expect(importGraph([join(one, 'a.js')]).map((f) => f.slice(one.length))).toEqual(['/a.js', '/b.js'])
    expect(codeKeyOfImports([join(one, 'a.js')], one)).toBe(codeKeyOfImports([join(two, 'a.js')], two))
  })

  it("in the build, holds the compiler's modules and not the ranking's", () => {
    const graph = importGraph(['dist/knowledge/open-knowledge.js']).map((f) => f.replace(/\\/g, '/'))
    expect(graph.some((f) => f.endsWith('/dist/core/compile-article.js'))).toBe(true)
    expect(graph.some((f) => f.endsWith('/dist/core/split-into-sentences.js'))).toBe(true)
    for (const tuned of ['rank.js', 'traps.js', 'answer.js']) expect(graph.some((f) => f.endsWith(`/dist/core/${tuned}`))).toBe(false)
  })
})
