/**
 * One bad event must never end the process (main.ts exits on an unhandled rejection, and the
 * platforms' libraries call listeners without awaiting them) nor reach the platform library's
 * error path. Every handler of both adapters runs through `guarded`.
 */

/** Where a failure is reported: each adapter's logger has at least this. */
export type ErrorLog = { error(message: string, cause?: unknown): void }

/** Runs `handler`; if it throws, logs the cause and runs `onError` (telling the member), which may fail too. */
export async function guarded(log: ErrorLog, what: string, handler: () => Promise<unknown>, onError?: () => Promise<unknown>): Promise<void> {
  try {
    await handler()
  } catch (error) {
    log.error(`${what} failed`, error)
    if (!onError) return
    try {
      await onError()
    } catch (again) {
      log.error(`${what}: the error reply failed too`, again)
    }
  }
}
