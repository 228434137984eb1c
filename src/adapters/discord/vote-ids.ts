import { isQuestionId } from '../shared/record.js'

/**
 * A 👍/👎 button's `custom_id`: `vote:up:<question id>` (44 characters, within Discord's 100). The
 * question id is all it needs, so a vote still counts after a restart and on any shard.
 */
export type VoteClick = { questionId: string; vote: 'up' | 'down' }

export const VOTE_BUTTON = /^vote:/

export function voteId(questionId: string, vote: VoteClick['vote']): string {
  return `vote:${vote}:${questionId}`
}

/** The vote a custom_id carries; undefined for one that is malformed (nothing is stored for it). */
export function voteOf(customId: string): VoteClick | undefined {
  const parts = customId.split(':')
  const [tag, vote, questionId = ''] = parts
  if (parts.length !== 3 || tag !== 'vote' || (vote !== 'up' && vote !== 'down') || !isQuestionId(questionId)) return undefined
  return { questionId, vote }
}
