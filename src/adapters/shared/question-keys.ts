import { randomBytes } from 'node:crypto'
import { keepNewest } from '../../core/keep-newest.js'

/**
 * A button must carry its question in a short value: a Discord `custom_id` holds 100 characters,
 * and a Slack button's value should not carry a 600-character question around. Most
 * questions fit, and then the id is the question itself (`ask:Who is Andrew Selee?`): such a button
 * keeps working after a restart and on any shard. A longer question is kept in this process's
 * memory under a short key (`ask#Xq3_9wLb.1a`): a random prefix drawn when the ids are made (once per
 * process, in start()), then a counter. The newest `capacity` are remembered; an older button, or
 * one drawn by another process or before a restart (another prefix), has expired: its counter may
 * name a different question here, so it is never looked up.
 */
const INLINE = 'ask:'
const KEYED = 'ask#'
/** Between the prefix and the counter; base64url never produces it. */
const SEPARATOR = '.'

export type FollowUpClick = { question: string } | { expired: true }

export type FollowUpIds = {
  /** The custom_id for a button that asks `question`: always within Discord's 100 characters. */
  encode(question: string): string
  /** What a button's custom_id asks, `{ expired }` for a forgotten or foreign key, undefined if not ours. */
  decode(customId: string): FollowUpClick | undefined
}

/** Eight characters (48 random bits): two processes drawing the same prefix will not happen in practice. */
export function randomPrefix(): string {
  return randomBytes(6).toString('base64url')
}

export type KeyOptions = {
  /** The longest value a button may carry (Discord's custom_id: 100). */
  maxLength: number
  /** How many keyed questions are remembered (default 1,000). */
  capacity?: number
  prefix?: string
}

export function createFollowUpIds({ maxLength, capacity = 1_000, prefix = randomPrefix() }: KeyOptions): FollowUpIds {
  const questions = new Map<string, string>()
  const mine = KEYED + prefix + SEPARATOR
  let next = 0
  return {
    encode(question) {
      if (INLINE.length + question.length <= maxLength) return INLINE + question
      const key = (next++).toString(36)
      keepNewest(questions, key, question, capacity)
      return mine + key
    },
    decode(customId) {
      if (customId.startsWith(INLINE)) return { question: customId.slice(INLINE.length) }
      if (!customId.startsWith(KEYED)) return undefined
      const question = customId.startsWith(mine) ? questions.get(customId.slice(mine.length)) : undefined
      return question === undefined ? { expired: true } : { question }
    },
  }
}
