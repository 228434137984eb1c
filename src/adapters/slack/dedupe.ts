import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt'

/**
 * Slack resends an event it thinks went unanswered (`X-Slack-Retry-Num`, up to three times over
 * about five minutes), with the same `event_id`; Bolt passes retries on like new events. Each
 * event id is claimed once through the SharedState port: in this process's memory, or with
 * DATABASE_URL in PostgreSQL (an insert that conflicts), so a retry that reaches another copy
 * behind a load balancer is not answered twice.
 */
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
