import type { App } from '@slack/bolt'
import type { Deps } from '../ask.js'
import { unknownActionMessage, unknownCommandMessage } from '../messages.js'
import type { SlackListener } from './types.js'

/**
 * Every request answered: a command or an interaction no listener takes (a command added to the
 * app but not to this version, a button from an older one, a shortcut) is acked at once, with a
 * private "I don't know that" where there is a member to tell. Without it Bolt lets Slack wait
 * 3 s and answers 404. Events need nothing here: Bolt acks every event before listeners run.
 *
 * Bolt runs every listener that matches, so the catch-alls match only what no listener does.
 */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** A pattern matching everything but these names (strings exactly, patterns as they are). */
function allBut(names: readonly (string | RegExp)[]): RegExp {
  const known = names.map((n) => (typeof n === 'string' ? `${escapeRegExp(n)}$` : n.source.replace(/^\^/, '')))
  return new RegExp(known.length ? `^(?!(?:${known.join('|')}))` : '')
}

export function registerCatchAll(app: App, deps: Deps, listeners: readonly SlackListener[]): void {
  const commands = listeners.flatMap((l) => (l.kind === 'command' ? [l.command] : []))
  const actions = listeners.flatMap((l) => (l.kind === 'button' ? [l.actionId] : []))
  app.command(allBut(commands), async ({ ack, command }) => {
    deps.logger.warn(`no listener for the command ${command.command}: answered "I don't know that command"`)
    await ack({ response_type: 'ephemeral', ...unknownCommandMessage(command.command) })
  })
  app.action({ type: 'block_actions', action_id: allBut(actions) }, async ({ ack, respond, action }) => {
    await ack()
    deps.logger.warn(`no listener for the action ${'action_id' in action ? action.action_id : '?'}`)
    await respond({ response_type: 'ephemeral', replace_original: false, ...unknownActionMessage() }).catch((error: unknown) => {
      deps.logger.warn('telling the member about an unknown action failed:', error)
    })
  })
  // Shortcuts, modal submissions and closings, and menus' options: acked, nothing to say.
  app.shortcut(/.*/, async ({ ack }) => ack())
  app.view(/.*/, async ({ ack }) => ack())
  app.options(/.*/, async ({ ack }) => ack())
}
