import type { Message } from 'discord.js'
import { MAX_TURNS } from '../../core/ask-in-context.js'
import { type Turn, turnToKeep } from '../../core/conversation.js'
import { keepNewest } from '../../core/keep-newest.js'
import type { Answer } from '../../core/types.js'
import { DM_CONTEXT_MINUTES, MAX_CONVERSATIONS } from '../shared/conversation-limits.js'
import { questionText } from '../shared/question-text.js'

/**
 * Where conversations are on Discord. A reply to one of the bot's answers (with the reply ping on,
 * so the bot is mentioned and Discord gives it the text) goes on from that answer: its context is
 * the reply chain, the questions asked and answered before it. A DM goes on from its turns of the
 * last DM_CONTEXT_MINUTES.
 *
 * Memory is a cache, the platform the record: an answer or DM this process does not remember (after
 * a restart, or on another shard) is read back from Discord, walking the chain of replies (each
 * answer replies to its question, each follow-up to an answer) or the DM's recent messages. At most
 * MAX_CONVERSATIONS entries are kept, the least recently used dropped first, each with at most
 * MAX_TURNS turns.
 */
/** How many of a DM's messages are read back when the bot does not remember the DM. */
const READ_BACK = 20

type Timed = Turn & { at: number }

export type Conversations = {
  /** The turns before `message`: its reply chain, the DM's recent turns, or none. */
  contextFor(message: Message, botId: string): Promise<Turn[]>
  /**
   * The bot answered `question` (in the context `earlier`) with `sent`: a reply to `sent` goes on
   * from it. `message` is the member's message it answered; none for a slash command or a button.
   */
  remember(message: Message | undefined, sent: { readonly id: string }, earlier: readonly Turn[], question: string, answer?: Answer): void
}

export type ConversationOptions = { now?: () => number; capacity?: number; onError?: (message: string, error: unknown) => void }

export function createConversations(options: ConversationOptions = {}): Conversations {
  const now = options.now ?? Date.now
  const capacity = options.capacity ?? MAX_CONVERSATIONS
  const onError = options.onError ?? (() => {})
  // `answer:<id>`: the turns up to and including the one a bot message answered; `dm:<channel>`: a DM's turns.
  const memory = new Map<string, Timed[]>()
  const keep = (key: string, turns: Timed[]) => {
    keepNewest(memory, key, turns.slice(-MAX_TURNS), capacity)
  }
  const plain = (turns: readonly Timed[]): Turn[] => turns.map(({ question, answer }) => (answer ? { question, answer } : { question }))

  async function chainOf(message: Message, botId: string): Promise<Turn[] | undefined> {
    const answerId = message.reference?.messageId
    if (!answerId) return undefined
    // A reply to someone else's message is no follow-up; Discord names whom it replies to.
    const repliedTo = message.mentions.repliedUser
    if (repliedTo && repliedTo.id !== botId) return undefined
    const known = memory.get(`answer:${answerId}`)
    if (known) {
      keep(`answer:${answerId}`, known)
      return plain(known)
    }
    try {
      const turns = await readChain(message, answerId, botId)
      if (!turns) return undefined
      keep(`answer:${answerId}`, turns)
      return plain(turns)
    } catch (error) {
      onError('reading a reply chain back failed', error)
      return []
    }
  }

  async function dmTurns(message: Message, botId: string): Promise<Turn[]> {
    const key = `dm:${message.channelId}`
    let turns = memory.get(key)
    if (!turns) {
      try {
        turns = await readDm(message, botId)
      } catch (error) {
        onError('reading a DM back failed', error)
        return []
      }
      keep(key, turns)
    }
    const since = now() - DM_CONTEXT_MINUTES * 60_000
    return plain(turns.filter((t) => t.at >= since))
  }

  return {
    async contextFor(message, botId) {
      const chain = await chainOf(message, botId)
      if (chain) return chain
      return message.inGuild() ? [] : dmTurns(message, botId)
    },
    remember(message, sent, earlier, question, answer) {
      const turn: Timed = { ...turnToKeep(question, answer), at: now() }
      keep(`answer:${sent.id}`, [...earlier.map((t) => ({ ...t, at: turn.at })), turn])
      if (message && !message.inGuild()) keep(`dm:${message.channelId}`, [...(memory.get(`dm:${message.channelId}`) ?? []), turn])
    },
  }
}

/**
 * The chain of a reply to the bot's message `answerId`, read back from Discord: that answer
 * replied to a question, which may itself have replied to an earlier answer, and so on. Undefined
 * when the message replied to is not the bot's. Only the questions are kept: the core works the
 * answers out again (the same question gets the same answer).
 */
async function readChain(message: Message, answerId: string, botId: string): Promise<Timed[] | undefined> {
  const questions: Timed[] = []
  let id: string | undefined = answerId
  for (let i = 0; id && i < MAX_TURNS; i++) {
    const answer: Message = await message.channel.messages.fetch(id)
    if (answer.author.id !== botId) return i === 0 ? undefined : questions
    const questionId: string | undefined = answer.reference?.messageId
    if (!questionId) break
    const asked: Message = await message.channel.messages.fetch(questionId)
    if (asked.author.bot) break
    const question = questionText(asked.content)
    if (question) questions.unshift({ question, at: asked.createdTimestamp })
    id = asked.reference?.messageId
  }
  return questions
}

/** A DM's recent questions: the member's messages of the last minutes before this one. */
async function readDm(message: Message, botId: string): Promise<Timed[]> {
  const recent = await message.channel.messages.fetch({ limit: READ_BACK, before: message.id })
  return [...recent.values()]
    .filter((m) => m.author.id !== botId && !m.author.bot)
    .sort((a, b) => a.createdTimestamp - b.createdTimestamp)
    .map((m) => ({ question: questionText(m.content), at: m.createdTimestamp }))
    .filter((t) => t.question)
}
