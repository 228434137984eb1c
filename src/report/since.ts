import { DAY_MS, HOUR_MS } from '../core/time.js'

/**
 * `--since`: how far back the report looks. A length of time counted back from now (`7d`, `24h`,
 * `2w`) or a day (`2026-11-01`, read as midnight UTC). Anything else is undefined, for the command
 * to turn into one usage line.
 */
const UNIT_MS = { h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS } as const

export function parseSince(value: string, now: number): number | undefined {
  const span = value.trim().match(/^(\d{1,5})\s*([hdw])$/i)
  if (span) {
    const n = Number(span[1])
    return n > 0 ? now - n * UNIT_MS[span[2].toLowerCase() as keyof typeof UNIT_MS] : undefined
  }
  const day = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (!day) return undefined
  const at = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))
  // Date.UTC rolls 2026-02-31 over into March: a day that is not on the calendar is a typo.
  return new Date(at).toISOString().slice(0, 10) === value.trim() && at <= now ? at : undefined
}
