/**
 * A bounded memory of ids seen recently, for one process: Slack's event ids when there is no
 * shared store (memory-state.ts), and the Slack adapter's guard against a double click on "Share
 * in channel".
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

const DEFAULT_DEDUPE = { ttlMs: 10 * 60_000, maxSize: 10_000 }

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
