import { describe, expect, it } from 'vitest'
import { keepNewest } from '../src/core/keep-newest.js'

describe('keepNewest, the bounded memory of answers, views, conversations and button keys', () => {
  it('forgets the oldest entries beyond its capacity', () => {
    const map = new Map<string, number>()
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) keepNewest(map, key, i, 3)
    expect([...map.keys()]).toEqual(['b', 'c', 'd'])
  })

  it('keeps what is used: setting a key again makes it the newest, so another goes first', () => {
    const map = new Map<string, number>()
    for (const [i, key] of ['a', 'b', 'c'].entries()) keepNewest(map, key, i, 3)
    keepNewest(map, 'a', 9, 3)
    keepNewest(map, 'd', 3, 3)
    expect([...map.entries()]).toEqual([
      ['c', 2],
      ['a', 9],
      ['d', 3],
    ])
  })
})
