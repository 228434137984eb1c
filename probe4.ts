import { openDatabase } from './src/store/open-database.js'
import { mkdtempSync } from 'node:fs'
const dir = mkdtempSync('/tmp/p4-')
const r = await Promise.allSettled([openDatabase({ file: `${dir}/x.db` }), openDatabase({ file: `${dir}/x.db` })])
console.log(r.map((x) => x.status === 'rejected' ? x.reason.message : 'ok'))
