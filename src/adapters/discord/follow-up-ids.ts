import { DISCORD_LIMITS } from './limits.js'

/**
 * A follow-up button must carry its question in a `custom_id` of at most 100 characters. Most
 * questions fit, and then the id is the question itself (`ask:Who is Andrew Selee?`): such a button
 * keeps working after a restart and on any shard. A longer question is kept in this process's
 * memory under a short key (`ask#1a`); the newest `capacity` are remembered, older buttons expire.
 */
const INLINE = 'ask:'
const KEYED = 'ask#'

export type FollowUpClick = { question: string } | { expired: true }

export type FollowUpIds = {
  /** The custom_id for a button that asks `question`: always within Discord's 100 characters. */
  encode(question: string): string
  /** What a button's custom_id asks, `{ expired }` for a forgotten key, undefined if not ours. */
  decode(customId: string): FollowUpClick | undefined
}

export function createFollowUpIds(capacity = 1_000): FollowUpIds {
  const questions = new Map<string, string>()
  let next = 0
  return {
    encode(question) {
      if (INLINE.length + question.length <= DISCORD_LIMITS.customId) return INLINE + question
      const key = (next++).toString(36)
      questions.set(key, question)
      // A Map iterates in insertion order: the first key is the oldest.
      if (questions.size > capacity) questions.delete(questions.keys().next().value as string)
      return KEYED + key
    },
    decode(customId) {
      if (customId.startsWith(INLINE)) return { question: customId.slice(INLINE.length) }
      if (!customId.startsWith(KEYED)) return undefined
      const question = questions.get(customId.slice(KEYED.length))
      return question === undefined ? { expired: true } : { question }
    },
  }
}
