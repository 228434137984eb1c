import type { webApi } from '@slack/bolt'
import { MAX_TURNS } from '../../core/ask-in-context.js'
import { type Turn, turnToKeep } from '../../core/conversation.js'
import { keepNewest } from '../../core/keep-newest.js'
import type { Answer } from '../../core/types.js'
import { DM_CONTEXT_MINUTES, MAX_CONVERSATIONS } from '../shared/conversation-limits.js'
import { questionText } from '../shared/question-text.js'
import { isMemberSubtype } from './listeners/subtypes.js'

/**
 * Where the bot's conversations are and what was said in them, so a follow-up is read in its
 * context: a channel thread the bot answered in (a mention started it; plain replies go on), and a
 * DM, whose recent turns count for DM_CONTEXT_MINUTES.
 *
 * Memory is a cache, not the record: the platform is. A thread or DM this process has not seen
 * (after a restart, or on another copy behind a load balancer) is read back from Slack once
 * (conversations.replies, conversations.history) and remembered. At most MAX_CONVERSATIONS are
 * kept, the least recently used dropped first, each with at most MAX_TURNS turns. With several
 * copies behind a load balancer, a copy that did not answer the last turn of a thread has that
 * turn missing from its context (it still answers; the thread is read back only when unknown).
 */
/** How many messages of a thread or DM are read back from Slack when the bot does not remember it. */
const READ_BACK = 50

export type Place = {
  channel: string
  /** The thread: for a DM with no thread, none (the DM is one conversation). */
  threadTs?: string
  isDirect: boolean
}

type Remembered = {
  /** The bot answered here: plain replies are follow-ups. */
  ours: boolean
  turns: (Turn & { at: number })[]
  /** When a thread found not to be the bot's was read: another copy may answer in it since. */
  readAt?: number
}

/**
 * How long "not the bot's thread" is believed. Behind a load balancer another copy of the bot may
 * be mentioned in the thread meanwhile; after this, the thread is read again on its next reply.
 */
export const NOT_OURS_SECONDS = 60

export type Conversations = {
  /**
   * The turns before `ts` of the conversation at `place`, or undefined for a channel thread the
   * bot has not answered in (a plain reply there is not for the bot).
   */
  contextFor(client: webApi.WebClient, place: Place, ts: string, bot: BotIds): Promise<Turn[] | undefined>
  /** The bot answered `question` at `place`: it is a turn of that conversation now. */
  remember(place: Place, question: string, answer?: Answer): void
}

export type BotIds = { userId?: string; botId?: string }

/** The bot's ids as Bolt's context carries them (from auth.test). */
export const botIds = (context: { botUserId?: string; botId?: string }): BotIds => ({ userId: context.botUserId, botId: context.botId })

const keyOf = (p: Place): string => (p.threadTs ? `${p.channel}:${p.threadTs}` : p.channel)

type SlackMessage = { ts?: string; user?: string; bot_id?: string; subtype?: string; text?: string; app_id?: string }

const isBots = (m: SlackMessage, bot: BotIds): boolean => (!!bot.botId && m.bot_id === bot.botId) || (!!bot.userId && m.user === bot.userId)

export type ConversationOptions = {
  now?: () => number
  capacity?: number
  /** Told when Slack could not be read (a missing scope, an outage): the question is still answered. */
  onError?: (message: string, error: unknown) => void
}

/** The scope reading a conversation back needs: the manifest asks for all three. */
const scopeFor = (p: Place): string => (p.isDirect ? 'im:history' : p.channel.startsWith('G') ? 'groups:history' : 'channels:history')

export function createConversations(options: ConversationOptions = {}): Conversations {
  const now = options.now ?? Date.now
  const capacity = options.capacity ?? MAX_CONVERSATIONS
  const onError = options.onError ?? (() => {})
  const memory = new Map<string, Remembered>()
  const keep = (key: string, value: Remembered) => {
    keepNewest(memory, key, value, capacity)
  }
  const recent = (place: Place, turns: Remembered['turns']) => {
    const since = place.isDirect ? now() - DM_CONTEXT_MINUTES * 60_000 : Number.NEGATIVE_INFINITY
    return turns.filter((t) => t.at >= since).map(({ question, answer }) => (answer ? { question, answer } : { question }))
  }

  return {
    async contextFor(client, place, ts, bot) {
      const key = keyOf(place)
      let known = memory.get(key)
      if (known && !known.ours && !place.isDirect && now() - (known.readAt ?? 0) > NOT_OURS_SECONDS * 1000) known = undefined
      if (!known) {
        try {
          known = { ...(await readBack(client, place, ts, bot, now())), readAt: now() }
        } catch (error) {
          // Not remembered, so the next message tries again; meanwhile a DM starts afresh and a
          // thread reply, which cannot be told to be for the bot, is left alone.
          onError(`reading back ${place.isDirect ? 'a DM' : 'a thread'} failed (is the ${scopeFor(place)} scope granted?)`, error)
          return place.isDirect ? [] : undefined
        }
      }
      keep(key, known)
      if (!known.ours && !place.isDirect) return undefined
      return recent(place, known.turns)
    },
    remember(place, question, answer) {
      const key = keyOf(place)
      const known = memory.get(key) ?? { ours: true, turns: [] }
      known.ours = true
      known.turns.push({ ...turnToKeep(question, answer), at: now() })
      if (known.turns.length > MAX_TURNS) known.turns.splice(0, known.turns.length - MAX_TURNS)
      keep(key, known)
    },
  }
}

/**
 * What Slack holds of a conversation the bot does not remember. A thread is the bot's when the bot
 * posted in it; its questions are the members' messages from the first that mentioned the bot on.
 * A DM's questions are its members' messages of the last DM_CONTEXT_MINUTES. Only their questions
 * are kept: the core works the answers out again (it gives the same answer to the same question).
 */
async function readBack(client: webApi.WebClient, place: Place, ts: string, bot: BotIds, nowMs: number): Promise<Remembered> {
  const messages: SlackMessage[] = []
  if (place.threadTs) {
    const res = await client.conversations.replies({ channel: place.channel, ts: place.threadTs, limit: READ_BACK })
    messages.push(...((res.messages ?? []) as SlackMessage[]))
  } else {
    const oldest = String(Math.floor(nowMs / 1000) - DM_CONTEXT_MINUTES * 60)
    const res = await client.conversations.history({ channel: place.channel, oldest, limit: READ_BACK })
    // History comes newest first.
    messages.push(...((res.messages ?? []) as SlackMessage[]).reverse())
  }
  const ours = messages.some((m) => isBots(m, bot))
  const mention = bot.userId ? `<@${bot.userId}>` : undefined
  let started = place.isDirect
  const turns: Remembered['turns'] = []
  for (const m of messages) {
    if (!m.ts || Number(m.ts) >= Number(ts)) break
    if (isBots(m, bot) || m.bot_id || !m.user || !isMemberSubtype(m.subtype)) continue
    started ||= !!mention && (m.text ?? '').includes(mention)
    const question = questionText(m.text ?? '')
    if (started && question) turns.push({ question, at: Number(m.ts) * 1000 })
  }
  return { ours, turns: turns.slice(-MAX_TURNS) }
}
