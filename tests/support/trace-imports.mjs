// Loaded with `node --import`: records which modules a run of the CLI resolves (see trace-hooks.mjs).
import { register } from 'node:module'

register('./trace-hooks.mjs', import.meta.url)
