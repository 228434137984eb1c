// Module resolution hooks that record every resolved URL in the file TRACE_FILE names.
import { appendFileSync } from 'node:fs'

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  if (process.env.TRACE_FILE) appendFileSync(process.env.TRACE_FILE, `${result.url}\n`)
  return result
}
