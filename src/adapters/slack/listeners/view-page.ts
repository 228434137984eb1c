import { viewsOf } from '../../../core/views/index.js'
import { ephemeralReplier } from '../reply.js'
import { pageOf, VIEW_PAGE_ACTION, viewMessage } from '../view-message.js'
import type { ButtonListener } from './types.js'

/**
 * Previous/Next under a view, and the article buttons of "which article?": the message is
 * replaced by the page asked for, through the button's response_url (private or not). The page
 * travels in the button's value, so a button keeps working after a restart.
 */
export const viewPage: ButtonListener = {
  kind: 'button',
  actionId: VIEW_PAGE_ACTION,
  replier: ({ respond }) => ephemeralReplier(respond),
  async handle({ action, respond }, reply, deps) {
    const page = pageOf(action.value)
    if (!page) return reply.answer({ text: 'That button has expired: run /explain again.', blocks: [] })
    const result = viewsOf(deps.explainer.knowledge).get(page.v, { name: page.n, article: page.a })
    await respond({ replace_original: true, ...viewMessage(result, page.p) })
  },
}
