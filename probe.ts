import { openStore } from './src/store/open-store.js'
const e = await openStore({ store: { location: { url: 'postgres://bot:pw@127.0.0.1:1/explainer' }, questionLog: true, retentionDays: 30 } }, { now: Date.now, log: console.log }).catch((e) => e)
console.log(e.message)
const f = await openStore({ store: { location: { file: '/proc/x/explainer.db' }, questionLog: true, retentionDays: 30 } }, { now: Date.now, log: console.log }).catch((e) => e)
console.log(f.message)
