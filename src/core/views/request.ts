import type { ViewName } from './types.js'

/**
 * A view asked for in words ("who's who?", "give me a timeline", "what are the key numbers?",
 * "quotes by Price", "what did Price say?") or as a command word (`who`, `timeline`, `numbers`,
 * `quotes NAME`). Only a message that is nothing but the request counts: "what is the timeline for
 * the flights?" stays an ordinary question. "What did X say?" is a view only if X is quoted
 * (`ifQuoted`); otherwise it is asked as an ordinary question, which can say X said nothing.
 */
export type ViewRequest = { view: ViewName; name?: string; ifQuoted?: boolean }

const POLITE = String.raw`(?:(?:please|pls|can you|could you|would you|can i (?:have|get|see))\s+)?`
const VERB = String.raw`(?:(?:give|show|get|make|build|list|tell|print|display)(?:\s+(?:me|us))?\s+)?`
const WHAT = String.raw`(?:(?:what|which)(?:\s+are|'re|\s+is|'s)\s+)?`
const DET = String.raw`(?:(?:a|an|the|all|all the|your)\s+)?`
const OF_ARTICLE = String.raw`(?:\s+(?:of|in|for|from|about)\s+(?:the|this)\s+(?:article|story|piece|report|news))?`
const LEAD = `^${POLITE}${VERB}${WHAT}${DET}`
const END = `${OF_ARTICLE}(?:\\s+please)?$`

const PATTERNS: [ViewName, RegExp][] = [
  [
    'who',
    new RegExp(
      `${LEAD}(?:who(?:'s|’s| is)\\s+who|cast(?: of characters)?|people and organi[sz]ations|(?:people|persons|names)(?: (?:named|mentioned|involved))?)${END}`,
      'i',
    ),
  ],
  ['timeline', new RegExp(`${LEAD}(?:time\\s?line|chronology|sequence of events|order of events|key dates|dates)${END}`, 'i')],
  ['numbers', new RegExp(`${LEAD}(?:key\\s+)?(?:numbers|figures|statistics|stats)${END}`, 'i')],
  ['quotes', new RegExp(`${LEAD}(?:quotes|quotations)${END}`, 'i')],
]

const NAME = String.raw`(\p{L}[\p{L}'’.\- ]{0,60}?)`
const QUOTES_BY = new RegExp(`${LEAD}(?:quotes|quotations)\\s+(?:by|from|of)\\s+${NAME}${END}`, 'iu')
const NAMES_QUOTES = new RegExp(`${LEAD}${NAME}['’]s?\\s+(?:quotes|quotations)${END}`, 'iu')
const WHAT_SAID = new RegExp(`^(?:so\\s+)?what (?:did|does|has|had) ${NAME} (?:say|said|have to say)${OF_ARTICLE}$`, 'iu')

/** The words a person typed, without the end punctuation. */
const clean = (text: string) =>
  text
    .trim()
    .replace(/[?!.\s]+$/, '')
    .replace(/\s+/g, ' ')

export function viewRequestOf(text: string): ViewRequest | undefined {
  const t = clean(text)
  if (!t || t.length > 120) return undefined
  for (const [view, re] of PATTERNS) if (re.test(t)) return { view }
  const by = t.match(QUOTES_BY) ?? t.match(NAMES_QUOTES)
  if (by) return { view: 'quotes', name: by[1].trim() }
  const said = t.match(WHAT_SAID)
  if (said && !/^(?:the article|the story|it|this|they|he|she|you)$/i.test(said[1].trim())) return { view: 'quotes', name: said[1].trim(), ifQuoted: true }
  return undefined
}

const COMMANDS: Record<string, ViewName> = {
  who: 'who',
  "who's-who": 'who',
  whoswho: 'who',
  timeline: 'timeline',
  numbers: 'numbers',
  figures: 'numbers',
  quotes: 'quotes',
}

/** `who`, `timeline`, `numbers`, `quotes [NAME]` as typed in the terminal chat or after `/explain`. */
export function viewCommandOf(text: string): ViewRequest | undefined {
  const [first, ...rest] = clean(text).replace(/^\//, '').split(' ')
  const key = first?.toLowerCase() ?? ''
  // Own keys only: "constructor" typed in the chat is a question, not Object's function.
  const view = Object.hasOwn(COMMANDS, key) ? COMMANDS[key] : undefined
  if (!view) return undefined
  const name = rest.join(' ').trim()
  return { view, ...(name ? { name } : {}) }
}
