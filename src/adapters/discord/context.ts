import { writeLogLine } from '../shared/log.js'
import type { CommonDeps } from '../shared/port.js'
import type { FollowUpIds } from '../shared/question-keys.js'
import type { Conversations } from './conversations.js'
import type { ViewIds } from './view-ids.js'

/** Where the adapter reports: readiness and the causes of failures members only see as "sorry". */
export type Logger = {
  info(message: string): void
  error(message: string, cause?: unknown): void
}

/**
 * One `explainer: discord: ` line on standard error (`explainer: discord shard 1: ` in a shard);
 * a cause adds its message, and its stack only with DEBUG=1, for the operator.
 */
export function discordLogger(debug = false, shardIds?: readonly number[]): Logger {
  const platform = shardIds?.length ? `discord shard ${shardIds.join(',')}` : 'discord'
  return {
    info: (message) => writeLogLine(platform, message),
    error: (message, cause) => writeLogLine(platform, message, cause, debug),
  }
}

/** What every handler needs, made once in start(): the common deps (shared/port.ts) and Discord's own. */
export type Deps = CommonDeps & {
  ids: FollowUpIds
  /** The custom_ids of view pages (Previous/Next, "which article?"). */
  viewIds: ViewIds
  logger: Logger
  /** A question the article answers, for the how-to and /help. */
  example: string | undefined
  /** Reply chains and DMs, and their turns. */
  conversations: Conversations
}
