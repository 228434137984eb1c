import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt'

/**
 * Slack resends an event it thinks went unanswered (`X-Slack-Retry-Num`, up to three times over
 * about five minutes), with the same `event_id`; Bolt passes retries on like new events. Each
 * event id is claimed once through the SharedState port: in this process's memory, or with
 * DATABASE_URL in PostgreSQL (an insert that conflicts), so a retry that reaches another copy
 * behind a load balancer is not answered twice. The in-memory deduper below also keeps a double
 * click on "Share in channel" from posting twice.
 */
export type DedupeOptions = {
  /** How long an id is remembered; Slack's last retry comes about five minutes after the event. */
  ttlMs?: number
  /** At most this many ids are kept, the oldest forgotten first, so memory stays bounded. */
  maxSize?: number
  now?: () => number
}

export type Deduper = {
  /** True the first time an id is seen within the TTL; false for a repeat. */
  isFirst(id: string): boolean
}

export const DEFAULT_DEDUPE = { ttlMs: 10 * 60_000, maxSize: 10_000 }

export function createDeduper(options: DedupeOptions = {}): Deduper {
  const ttlMs = options.ttlMs ?? DEFAULT_DEDUPE.ttlMs
  const maxSize = Math.max(1, options.maxSize ?? DEFAULT_DEDUPE.maxSize)
  const now = options.now ?? Date.now
  // A Map iterates in insertion order, which is arrival order: the oldest ids come first.
  const seen = new Map<string, number>()
  return {
    isFirst(id: string): boolean {
      const t = now()
      for (const [old, at] of seen) {
        if (t - at < ttlMs && seen.size < maxSize) break
        seen.delete(old)
      }
      if (seen.has(id)) return false
      seen.set(id, t)
      return true
    },
  }
}

/** Is this an Events API body whose `event_id` some copy claimed before? Then it goes no further. */
export async function isRepeatedEvent(
  claim: (eventId: string) => Promise<boolean>,
  { body, logger, context }: AnyMiddlewareArgs & AllMiddlewareArgs,
): Promise<boolean> {
  const id = (body as { event_id?: unknown }).event_id
  if (typeof id !== 'string' || (await claim(id))) return false
  logger.debug(`event ${id} already answered; ignoring retry ${context.retryNum ?? '?'}`)
  return true
}
