import type { AckFn, Logger, RespondArguments, webApi } from '@slack/bolt'
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
  /** Once the event was handled, answered or not: whatever is still owed to Slack (an empty ack). */
  finish?(): Promise<void>
}

/**
 * Through the `response_url` of a slash command or of a button on a private answer. It works in
 * any channel, including ones the bot was never added to, where chat.postMessage would fail.
 * `replace_original: false`: a follow-up adds an answer, it does not overwrite the last one.
 */
/** What the adapter needs of Bolt's `respond`: post to the response_url (Bolt 5 resolves to the HTTP response, unused). */
export type Respond = (message: RespondArguments) => Promise<unknown>

export function ephemeralReplier(respond: Respond): Replier {
  const send = (message: SlackMessage) => respondPrivately(respond, message)
  return { answer: send, privately: send, shareable: true }
}

async function respondPrivately(respond: Respond, message: SlackMessage): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, ...message })
}

/**
 * How long after its listener started a slash command's answer may still go in the ack. Slack
 * gives up on the ack at 3 s (and Bolt answers 404 itself at 3,001 ms, counted from when the
 * request arrived); this leaves room for the time the request waited before its listener ran
 * and for the network. `ask()` takes about a millisecond, so only a stalled process is late.
 */
export const ACK_BUDGET_MS = 2_000

export type CommandAck = AckFn<string | RespondArguments>

/**
 * A slash command's reply, in the ack itself: the HTTP response to Slack's request (the Socket
 * Mode envelope's payload), so an answer costs no second request. Slack shows it to the asker
 * alone (`ephemeral`), in any channel, the bot a member or not. Whatever follows the first
 * message, an answer that missed the budget (acked empty first) and an ack that failed go
 * through the command's response_url instead, which Slack accepts for 30 minutes.
 */
export function commandReplier(ack: CommandAck, respond: Respond, clock: { now: () => number; logger: Logger }): Replier {
  const started = clock.now()
  let acked = false
  const send = async (message: SlackMessage) => {
    if (!acked) {
      acked = true
      const inTime = clock.now() - started < ACK_BUDGET_MS
      try {
        await ack(inTime ? { response_type: 'ephemeral', ...message } : undefined)
        if (inTime) return
      } catch (error) {
        // Too late for the ack (Bolt already answered Slack), or the socket closed under it.
        clock.logger.warn('/ask: the ack failed; answering through response_url instead:', error)
      }
    }
    await respondPrivately(respond, message)
  }
  const finish = async () => {
    if (acked) return
    acked = true
    await ack()
  }
  return { answer: send, privately: send, shareable: true, finish }
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
