import { keepNewest } from '../../core/keep-newest.js'
import type { ViewName } from '../../core/views/index.js'
import { VIEW_NAMES } from '../../core/views/index.js'
import { randomPrefix } from '../shared/question-keys.js'
import { DISCORD_LIMITS } from './limits.js'

/**
 * A view's page as a button's `custom_id` (100 characters at most): `view|who|2|slug|name`, which
 * keeps working after a restart. One too long for that (a long slug or name) is kept in memory
 * under this process's random prefix and a counter (`view#Xq3_9wLb.7`), the newest `capacity` of
 * them, as shared/question-keys.ts keeps long questions: a key from before a restart or from
 * another shard has another prefix and has expired, rather than opening whatever page this
 * process keeps under the same counter. Two buttons of
 * one message must differ: Previous on page 0 and Next on page 1 would otherwise both say "page 1",
 * hence the `next` mark.
 */
export type ViewPage = { view: ViewName; page: number; article: string; name?: string; next?: boolean }

export type ViewIds = {
  encode(page: ViewPage): string
  /** The page a custom_id asks for; `expired` for a forgotten key; undefined if it is not a view button. */
  decode(customId: string): ViewPage | { expired: true } | undefined
}

export const VIEW_BUTTON = /^view[|#]/

export function createViewIds(capacity = 1_000, prefix = randomPrefix()): ViewIds {
  const kept = new Map<string, ViewPage>()
  const mine = `view#${prefix}.`
  let next = 0
  return {
    encode(page) {
      const inline = ['view', page.view, `${page.page}${page.next ? 'n' : ''}`, page.article, page.name ?? ''].join('|')
      if (inline.length <= DISCORD_LIMITS.customId && !page.article.includes('|')) return inline
      const key = mine + (next++).toString(36)
      keepNewest(kept, key, page, capacity)
      return key
    },
    decode(customId) {
      if (customId.startsWith('view#')) return (customId.startsWith(mine) && kept.get(customId)) || { expired: true }
      if (!customId.startsWith('view|')) return undefined
      const [, view, page, article, ...name] = customId.split('|')
      if (!VIEW_NAMES.includes(view as ViewName) || !article) return { expired: true }
      const joined = name.join('|')
      return { view: view as ViewName, page: Number.parseInt(page, 10) || 0, article, ...(joined ? { name: joined } : {}) }
    },
  }
}
