/**
 * Lengths of time in milliseconds, the unit of every clock here (Date.now(), the adapters' injected
 * `now`). In the core, which imports nothing from outside it, so the core and the rest share one.
 */
export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS
