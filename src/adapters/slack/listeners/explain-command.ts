import { VIEW_NAMES, viewCommandIn, viewsOf } from '../../../core/views/index.js'
import { waitBeforeAsking } from '../../shared/port.js'
import { questionText } from '../../shared/question-text.js'
import { noteMessage } from '../format.js'
import { slowDownMessage } from '../messages.js'
import { commandReplier } from '../reply.js'
import { viewMessage } from '../view-message.js'
import type { CommandListener } from './types.js'

/** How to use /explain, for `/explain` alone, `/explain help` or an unknown view. */
export const EXPLAIN_HOW_TO =
  "`/explain who` (who's who), `/explain timeline`, `/explain numbers` (key numbers) or `/explain quotes [name]`. With several articles, add the article's slug at the end: `/explain timeline my-article`."

/**
 * `/explain who|timeline|numbers|quotes [NAME] [SLUG]`: an explainer view, privately in the ack
 * like `/ask`, paged with Previous/Next buttons (view-page.ts).
 */
export const explainCommand: CommandListener = {
  kind: 'command',
  command: '/explain',
  replier: ({ ack, respond }, deps) => commandReplier(ack, respond, deps),
  async handle({ command }, reply, deps) {
    const request = viewCommandIn(deps.explainer.knowledge, questionText(command.text ?? ''))
    if (!request || !VIEW_NAMES.includes(request.view)) return reply.answer(noteMessage(EXPLAIN_HOW_TO))
    const wait = await waitBeforeAsking(deps, command.user_id)
    if (wait) return reply.privately(slowDownMessage(wait.seconds))
    await reply.answer(viewMessage(viewsOf(deps.explainer.knowledge).get(request.view, request), 0))
  },
}
