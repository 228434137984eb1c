import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt'
import type { Deps } from '../ask.js'
import { unknownActionMessage, unknownCommandMessage } from '../messages.js'
import type { SlackListener } from './types.js'

/**
 * Every request answered: a command or an interaction no listener takes (a command added to the
 * app but not to this version, a button from an older one, a shortcut, a modal) is acked at once,
 * with a private "I don't know that" where there is a member to tell. Without it Bolt lets Slack
 * wait 3 s and answers 404. Events need nothing here: Bolt acks every event before listeners run.
 *
 * One global middleware rather than catch-all listeners: Bolt runs every listener's matchers on
 * every request, so each listener added costs every request; this is one cheap test, and what a
 * listener takes goes on untouched.
 */
type Body = { command?: string; type?: string; actions?: { action_id?: string }[] }
type Ackable = { ack?: (response?: unknown) => Promise<void>; respond?: RespondFn; body: unknown; next: () => Promise<void> }

/** Interactions no listener here takes at all: acked, nothing to say. */
const UNSERVED_TYPES = new Set(['shortcut', 'message_action', 'view_submission', 'view_closed', 'block_suggestion'])

export function catchUnknown(deps: Deps, listeners: readonly SlackListener[]): Middleware<AnyMiddlewareArgs> {
  const commands = new Set(listeners.flatMap((l) => (l.kind === 'command' ? [l.command] : [])))
  const actions = listeners.flatMap((l) => (l.kind === 'button' ? [l.actionId] : []))
  const knownAction = (id: string) => actions.some((a) => (typeof a === 'string' ? a === id : a.test(id)))
  return async (args) => {
    const { ack, respond, body, next } = args as unknown as Ackable
    const { command, type, actions: clicked } = body as Body
    if (command !== undefined && !commands.has(command)) {
      deps.logger.warn(`no listener for the command ${command}: answered "I don't know that command"`)
      return ack?.({ response_type: 'ephemeral', ...unknownCommandMessage(command) })
    }
    if (type === 'block_actions' && clicked?.some((a) => !knownAction(a.action_id ?? ''))) {
      await ack?.()
      deps.logger.warn(`no listener for the action ${clicked.map((a) => a.action_id).join(', ')}`)
      await respond?.({ response_type: 'ephemeral', replace_original: false, ...unknownActionMessage() }).catch((error: unknown) => {
        deps.logger.warn('telling the member about an unknown action failed:', error)
      })
      return
    }
    if (type !== undefined && UNSERVED_TYPES.has(type)) return ack?.()
    await next()
  }
}
