import type { RespondFn, webApi } from '@slack/bolt'
import type { SlackMessage } from './format.js'

/**
 * Where a reply goes, decided once per event by the listener that received it, so answering
 * (and failing, and "slow down") is the same code for a slash command, a mention, a DM or a button.
 */
export type Replier = {
  /** Where the answer belongs: the asker's private reply, the thread, or the DM. */
  answer(message: SlackMessage): Promise<void>
  /** Seen by the asker alone ("slow down"): ephemeral in channels, the DM itself in a DM. */
  privately(message: SlackMessage): Promise<void>
  /** Answers here are private (ephemeral), so they get a "Share in channel" button. */
  readonly shareable: boolean
}

/**
 * Through the `response_url` of a slash command or of a button on a private answer. It works in
 * any channel, including ones the bot was never added to, where chat.postMessage would fail.
 * `replace_original: false`: a follow-up adds an answer, it does not overwrite the last one.
 */
export function ephemeralReplier(respond: RespondFn): Replier {
  const send = async (message: SlackMessage) => {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message })
  }
  return { answer: send, privately: send, shareable: true }
}

export type Conversation = {
  channel: string
  /** The thread to answer in; none for a top-level message in a DM. */
  threadTs?: string
  /** The asker, for private notes in a channel. */
  user: string
  /** A DM is private already: notes go in it as ordinary messages. */
  isDirect: boolean
}

/** Posts with the bot token: threads under a mention, and DMs. */
export function conversationReplier(client: webApi.WebClient, where: Conversation): Replier {
  const place = { channel: where.channel, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) }
  const post = async (message: SlackMessage) => {
    await client.chat.postMessage({ ...place, ...message })
  }
  const ephemeral = async (message: SlackMessage) => {
    await client.chat.postEphemeral({ ...place, user: where.user, ...message })
  }
  return { answer: post, privately: where.isDirect ? post : ephemeral, shareable: false }
}

/** Slack's DM channel ids start with D (channels C, private channels and group DMs G). */
export const isDirectChannel = (channel: string): boolean => channel.startsWith('D')
