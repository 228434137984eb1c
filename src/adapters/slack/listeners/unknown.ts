import type { AnyMiddlewareArgs } from '@slack/bolt'
import type { Deps } from '../ask.js'
import { unknownActionMessage, unknownCommandMessage } from '../messages.js'
import type { ButtonArgs, CommandArgs } from './types.js'

/**
 * Every request answered: a command or an interaction no listener takes (a command added to the
 * app but not to this version, a button from an older one, a shortcut, a modal) is acked at once,
 * with a private "I don't know that" where there is a member to tell. Without it Bolt lets Slack
 * wait 3 s and answers 404. Events need nothing here: Bolt acks every event before listeners run.
 */

/** A slash command no listener serves: acked with a private note. */
export async function unknownCommand({ ack, command }: CommandArgs, deps: Deps): Promise<void> {
  deps.logger.warn(`no listener for the command ${command.command}: answered "I don't know that command"`)
  await ack({ response_type: 'ephemeral', ...unknownCommandMessage(command.command) })
}

/** A button or menu no listener serves (acked already): a private note through its response_url. */
export async function unknownAction({ action, respond }: ButtonArgs, deps: Deps): Promise<void> {
  deps.logger.warn(`no listener for the action ${action.action_id}`)
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, ...unknownActionMessage() })
  } catch (error) {
    deps.logger.warn('telling the member about an unknown action failed:', error)
  }
}

/** Interactions the bot serves none of (shortcuts, modals, menus' options): acked, nothing to say. */
const UNSERVED_TYPES = new Set(['shortcut', 'message_action', 'view_submission', 'view_closed', 'block_suggestion'])

/** Acks an interaction of a type no listener serves (one cheap test, no listener of its own); false for all else. */
export async function ackedUnserved(args: AnyMiddlewareArgs): Promise<boolean> {
  const { ack, body } = args as unknown as { ack?: () => Promise<void>; body: { type?: unknown } }
  if (typeof body.type !== 'string' || !UNSERVED_TYPES.has(body.type)) return false
  await ack?.()
  return true
}
