// Loaded with `node --import`: records every module a run of the CLI loads, in the file TRACE_FILE
// names. ES modules through the resolve hook (trace-hooks.mjs); CommonJS ones, which is how the
// bundle (dist/explainer.cjs) loads discord.js or Bolt, from require's cache as the process exits.
import { appendFileSync } from 'node:fs'
import { createRequire, register } from 'node:module'

register('./trace-hooks.mjs', import.meta.url)

const { cache } = createRequire(import.meta.url)
process.on('exit', () => {
  if (process.env.TRACE_FILE)
    appendFileSync(
      process.env.TRACE_FILE,
      Object.keys(cache)
        .map((file) => `${file}\n`)
        .join(''),
    )
})
