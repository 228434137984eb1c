import type { App, BlockAction, ButtonAction } from '@slack/bolt'
import { guarded } from '../../shared/guard.js'
import type { Deps } from '../ask.js'
import { errorMessage } from '../messages.js'
import type { Replier } from '../reply.js'
import { appMention } from './app-mention.js'
import { askCommand } from './ask-command.js'
import { directMessage } from './direct-message.js'
import { explainCommand } from './explain-command.js'
import { followUp } from './follow-up.js'
import { share } from './share.js'
import { threadReply } from './thread-reply.js'
import type { SlackListener, Spec } from './types.js'
import { catchUnknown } from './unknown.js'
import { viewPage } from './view-page.js'

/** Everything the bot listens to. The manifest (slack-manifest.yml) asks for exactly these. */
export const LISTENERS: readonly SlackListener[] = [askCommand, explainCommand, appMention, directMessage, threadReply, followUp, share, viewPage]

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
 * Registers every listener. A slash command is acked with its answer (or "slow down", or the
 * error reply) as the body: `ask()` is synchronous and takes about a millisecond, far inside
 * Bolt's 3-second deadline, so the answer needs no second request (reply.ts, commandReplier).
 * Buttons are acked first, before any work (Slack ignores an ack body for them); their answer
 * follows through respond() or the Web API. Events need no ack here: Bolt acks them before
 * listeners run.
 */
export function registerListeners(app: App, deps: Deps): void {
  // Before the listeners: what none of them takes is acked here, at once (unknown.ts).
  app.use(catchUnknown(deps, LISTENERS))
  for (const listener of LISTENERS) {
    switch (listener.kind) {
      case 'command':
        app.command(listener.command, (args) => run(listener, args, deps, listener.command))
        break
      case 'button':
        app.action<BlockAction<ButtonAction>>(listener.actionId, async (args) => {
          await args.ack()
          await run(listener, args, deps, `button ${args.action.action_id}`)
        })
        break
      case 'app_mention':
        app.event('app_mention', (args) => run(listener, args, deps, 'app_mention'))
        break
      case 'message':
        app.message((args) => run(listener, args, deps, 'message'))
        break
    }
  }
}
