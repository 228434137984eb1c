import type { App, BlockAction, ButtonAction } from '@slack/bolt'
import { guarded } from '../../shared/guard.js'
import type { Deps } from '../ask.js'
import { isRepeatedEvent } from '../dedupe.js'
import { errorMessage } from '../messages.js'
import type { Replier } from '../reply.js'
import { appMention } from './app-mention.js'
import { askCommand } from './ask-command.js'
import { directMessage } from './direct-message.js'
import { explainCommand } from './explain-command.js'
import { followUp } from './follow-up.js'
import { share } from './share.js'
import { threadReply } from './thread-reply.js'
import type { ButtonListener, MentionArgs, MentionListener, MessageArgs, MessageListener, SlackListener, Spec } from './types.js'
import { ackedUnserved, unknownAction, unknownCommand } from './unknown.js'
import { viewPage } from './view-page.js'
import { vote } from './vote.js'

/** Everything the bot listens to. The manifest (slack-manifest.yml) asks for exactly these. */
export const LISTENERS: readonly SlackListener[] = [askCommand, explainCommand, appMention, directMessage, threadReply, followUp, share, viewPage, vote]

/**
 * One event through one listener. A listener that throws gets a short error reply where its
 * answer would have gone, and the cause goes to the log: one bad event never reaches Bolt's
 * error path, let alone the process.
 */
async function run<Args>(listener: Spec<string, Args>, args: Args, deps: Deps, label: string): Promise<void> {
  if (listener.accepts && !listener.accepts(args)) return
  // Bolt's logger joins its arguments with spaces: the colon goes before the cause.
  const log = { error: (message: string, cause?: unknown) => deps.logger.error(`${message}:`, cause) }
  let reply: Replier | undefined
  await guarded(
    log,
    label,
    async () => {
      reply = listener.replier(args, deps)
      await listener.handle(args, reply, deps)
    },
    async () => reply?.answer(errorMessage()),
  )
  await guarded(log, `${label}: acknowledging`, async () => reply?.finish?.())
}

/**
 * Registers every listener: one Bolt listener per kind (commands, buttons, mentions, messages)
 * that finds ours by name, because Bolt runs every registered listener's matchers on every
 * request: nine listeners would cost each request nine chains. What no listener takes is
 * answered at once (unknown.ts). A slash command is acked with its answer (or "slow down", or
 * the error reply) as the body: `ask()` is synchronous and takes about a millisecond, far inside
 * Bolt's 3-second deadline, so the answer needs no second request (reply.ts, commandReplier).
 * Buttons are acked first, before any work (Slack ignores an ack body for them); their answer
 * follows through respond() or the Web API. Events need no ack here: Bolt acks them before
 * listeners run.
 */
export function registerListeners(app: App, deps: Deps): void {
  // One global middleware, before any listener: an interaction no listener serves (acked here)
  // goes no further.
  app.use(async (args) => {
    if (await ackedUnserved(args)) return
    await args.next()
  })
  const claim = (eventId: string) => deps.shared.claimEvent(eventId, deps.now())
  const commands = new Map(LISTENERS.flatMap((l) => (l.kind === 'command' ? [[l.command, l] as const] : [])))
  const buttons = LISTENERS.filter((l): l is ButtonListener => l.kind === 'button')
  const mentions = LISTENERS.filter((l): l is MentionListener => l.kind === 'app_mention')
  const messages = LISTENERS.filter((l): l is MessageListener => l.kind === 'message')
  app.command(/.*/, async (args) => {
    const listener = commands.get(args.command.command)
    if (!listener) return unknownCommand(args, deps)
    await run(listener, args, deps, listener.command)
  })
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, async (args) => {
    await args.ack()
    const id = args.action.action_id
    const listener = buttons.find((l) => (typeof l.actionId === 'string' ? l.actionId === id : l.actionId.test(id)))
    if (!listener || args.action.type !== 'button') return unknownAction(args, deps)
    await run(listener, args, deps, `button ${id}`)
  })
  // Mentions and messages through one listener (app.message is app.event('message') without patterns).
  // An event Slack resent (its event_id claimed before, by this copy or another) goes no further.
  // It is claimed only once a listener takes it: the bot hears every message of its channels, and
  // with DATABASE_URL a claim is a write to PostgreSQL, which the messages it ignores need not cost.
  app.event(/^(?:app_mention|message)$/, async (args) => {
    const mention = args.event.type === 'app_mention'
    const taking = (mention ? mentions : messages).filter((l) => !l.accepts || l.accepts(args as never))
    if (!taking.length || (await isRepeatedEvent(claim, args))) return
    if (mention) await Promise.all(taking.map((l) => run(l as MentionListener, args as unknown as MentionArgs, deps, 'app_mention')))
    else await Promise.all(taking.map((l) => run(l as MessageListener, args as unknown as MessageArgs, deps, 'message')))
  })
}
