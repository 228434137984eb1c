// Bundled into dist/explainer.cjs, never run on its own (scripts/bundle.mjs, "tables-as-text"):
// reads the generated word tables from dist/explainer-tables.txt, beside the bundle (`__dirname`
// is the bundle's folder there). The format: for each table a line `@ID COUNT`, then COUNT lines
// `KEY<tab>VALUE`. Values are slices of the one string read: no copy, nothing parsed as code.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const text = readFileSync(join(__dirname, 'explainer-tables.txt'), 'latin1')
const tables = new Map()
for (let at = 0; at < text.length; ) {
  let end = text.indexOf('\n', at)
  const [id, count] = text.slice(at + 1, end).split(' ')
  at = end + 1
  const table = {}
  for (let i = 0; i < Number(count); i++) {
    end = text.indexOf('\n', at)
    const tab = text.indexOf('\t', at)
    table[text.slice(at, tab)] = text.slice(tab + 1, end)
    at = end + 1
  }
  tables.set(id, table)
}

/** The table the generated module `id` (file:export) exported. */
export const readTable = (id) => tables.get(id)
