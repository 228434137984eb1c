import type { Logger } from '@slack/bolt'
import { OVERVIEW_QUESTION } from '../../core/answer.js'
import type { Turn } from '../../core/conversation.js'
import { keepNewest } from '../../core/keep-newest.js'
import { articlesMatching, splitPick } from '../../core/pick-article.js'
import type { Answer } from '../../core/types.js'
import { viewForQuestion } from '../../core/views/index.js'
import type { Deduper } from '../../store/memory-dedupe.js'
import { type CommonDeps, startWaitCheck } from '../shared/port.js'
import type { FollowUpIds } from '../shared/question-keys.js'
import { type Asking, isVotable, recordQuestion } from '../shared/record.js'
import type { Conversations } from './conversations.js'
import { type AnswerView, answerMessage, type SlackMessage, withVotes } from './format.js'
import { helpMessage, pickMessage, slowDownMessage } from './messages.js'
import type { Replier } from './reply.js'
import { viewMessage } from './view-message.js'

/** What every listener needs, made once in start(): the common deps (shared/port.ts) and Slack's own. */
export type Deps = CommonDeps & {
  logger: Logger
  /** Fixed for the run: name the article in citations only when several are known. */
  showArticle: boolean
  /** The threads and DMs the bot talks in, and their turns (conversations.ts). */
  conversations: Conversations
  /** The question a "Share in channel" button carries: itself when short, else a key (shared/question-keys.ts). */
  shareKeys: FollowUpIds
  /** Share clicks already posted: a double click posts once. */
  shares: Deduper
  /**
   * Private `/ask` answers as formatted (without 👍/👎), by question (answerQuestion), at most
   * `capacity` of them; `kept` is a new map once the knowledge is reloaded (common-deps.ts perKnowledge).
   */
  recentMessages: { kept: () => Map<string, Kept>; capacity: number }
}

/** A formatted reply kept for a question asked again, and the core's answer it shows (none for a view). */
type Kept = { message: SlackMessage; answer?: Answer }

/** The workspace a request came from (Bolt's context: the team, or the organization on Enterprise Grid), for the question log. */
export const workspaceOf = (context: { teamId?: string; enterpriseId?: string }): string => context.teamId ?? context.enterpriseId ?? 'unknown'

/** `help`: the how-to, not a call to the core. */
export const isHelp = (question: string): boolean => /^help[?!.]*$/i.test(question)

/** The parts of an answer's look that come from the run, not from the question. */
export function baseView(deps: Deps): AnswerView {
  return { showArticle: deps.showArticle, knownTitles: deps.knownTitles, urlOf: deps.urlOf }
}

export type Asker = {
  user: string
  /** The workspace (team) and channel asked in, in clear, for the question log (the store hashes them). */
  workspace: string
  channel: string
  question: string
  reply: Replier
  /** `/ask` with no text: the question is the core's overview question, but the member typed none. */
  overview?: boolean
  /** The earlier turns of the thread or DM it was asked in. */
  context?: readonly Turn[]
  /** Told the answer once it is posted (none for a view): it becomes a turn of the conversation. */
  answered?(answer?: Answer): void
}

/**
 * The one question path: `help`, else the rate limit, else the how-to for nothing at all (a bare
 * mention, which posts in the channel like an answer, so it counts) or the core's answer where it
 * belongs.
 */
export async function answerQuestion(deps: Deps, asker: Asker): Promise<void> {
  const { user, reply } = asker
  const { pick, question } = readTyped(asker.question)
  if (isHelp(question)) return reply.answer(helpMessage(deps.knownTitles))
  // The answer is worked out while the rate-limit check travels (startWaitCheck); `reply` sends nothing before it is decided.
  const pending = await startWaitCheck(deps, user)
  const decided = async (): Promise<boolean> => {
    const wait = await pending.decided
    if (wait) await reply.privately(slowDownMessage(wait.seconds))
    return wait === undefined
  }
  if (question === '') return (await decided()) ? reply.answer(helpMessage(deps.knownTitles)) : undefined
  const asking: Asking = { id: deps.newId(), origin: { place: asker.workspace, channel: asker.channel, member: user }, question, startedAt: deps.now() }
  const out = outcome(deps, asker, pick, question)
  if (!(await decided())) return
  if ('privately' in out) return reply.privately(out.privately)
  if (!out.kept.answer) {
    await reply.answer(out.kept.message)
    // A view is still a turn: "when did she say that?" may follow "what did Meyer say?".
    return asker.answered?.()
  }
  await send(deps, reply, asking, out.kept)
  asker.answered?.(out.kept.answer)
}

/** What a question gets, worked out without sending anything: a private note, or a reply (an answer or a view). */
type Outcome = { privately: SlackMessage } | { kept: Kept }

function outcome(deps: Deps, asker: Asker, pick: string | undefined, question: string): Outcome {
  // A private `/ask` out of any conversation looks the same whoever asks it: a popular question
  // (a follow-up many click) is formatted once. A long one is not kept: its share key may expire.
  const typed = asker.question
  const key = asker.reply.shareable && !asker.answered && typed.length <= SLACK_TUNING.shareValue ? `${asker.overview ? 'o' : 'q'}\u0000${typed}` : ''
  const kept = key ? deps.recentMessages.kept().get(key) : undefined
  if (kept) return { kept }
  const picked = pickedArticle(deps, pick)
  if (typeof picked === 'object') return { privately: picked }
  const article = picked
  // "who's who?", "give me a timeline", "what did Price say?": the view, paged like /explain's.
  const asked = article === undefined ? viewForQuestion(deps.explainer.knowledge, question) : undefined
  if (asked) {
    const view = { message: viewMessage(asked, 0) }
    keep(deps, key, view)
    return { kept: view }
  }
  const answer: Answer = deps.explainer.ask(question, asker.context, article === undefined ? {} : { article })
  // A private answer shows what was asked (Slack hides the typed command); an answer, not a
  // decline, can be shared, its button carrying what was typed (with its in:) or a short key for it.
  const share = answer.status === 'answered' ? { share: deps.shareKeys.encode(asker.question) } : {}
  const view: AnswerView = asker.reply.shareable ? { ...baseView(deps), question, overview: asker.overview, ...share } : baseView(deps)
  const formatted: Kept = { message: answerMessage(answer, view), answer }
  keep(deps, key, formatted)
  return { kept: formatted }
}

/** Sends a reply; one that shows the core's answer is logged once it is out, with 👍/👎 under it (shared/record.ts isVotable). */
async function send(deps: Deps, reply: Replier, asking: Asking, { message, answer }: Kept): Promise<void> {
  if (!answer) return reply.answer(message)
  await reply.answer(isVotable(answer) ? withVotes(message, asking.id) : message)
  recordQuestion(deps, asking, answer, (error) => deps.logger.error('logging a question failed:', error))
}

/**
 * What was typed, as the core's question and the `in:<slug or "title words">` that picks the
 * article to answer from (a bare `in:` asks for the overview): /ask and its share read it alike.
 */
export function readTyped(typed: string): { pick: string | undefined; question: string } {
  const { pick, question } = splitPick(typed)
  return { pick, question: pick === undefined ? typed : question || OVERVIEW_QUESTION }
}

/** The article `in:<pick>` names (its slug; undefined with no pick), or the note saying it names none or several. */
export function pickedArticle(deps: Deps, pick: string | undefined): string | undefined | SlackMessage {
  if (pick === undefined) return undefined
  const found = articlesMatching(deps.explainer.knowledge, pick, PICK_SHOWN)
  return found.length === 1 ? found[0].slug : pickMessage(pick, found)
}

/** Articles listed when an `in:` names several (pickMessage shows five and counts the rest). */
const PICK_SHOWN = 6

/** Slack's own numbers. */
export const SLACK_TUNING = {
  /** The longest question a share button carries itself; a longer one goes by a short key. */
  shareValue: 200,
  /** Private answers kept as sent, for questions asked again (the least recently added dropped first). */
  recentMessages: 1_000,
} as const

function keep(deps: Deps, key: string, formatted: Kept): void {
  const { capacity, kept } = deps.recentMessages
  if (!key || capacity <= 0) return
  keepNewest(kept(), key, formatted, capacity)
}
