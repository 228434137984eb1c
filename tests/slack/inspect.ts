/**
 * Reading what the bot sent: the text a person would see, whether it could notify anyone, and
 * whether every Slack limit holds. Written from Slack's rules, independently of format.ts.
 */
import type { Sent } from '../contract/adapter-contract.js'
import type { Captured } from './fake-slack.js'

type TextObject = { type?: string; text?: string }
type Element = { type?: string; text?: TextObject | string; action_id?: string; value?: string }
type Block = { type?: string; text?: TextObject; elements?: Element[]; fields?: TextObject[] }

const blocksOf = (c: Captured): Block[] => (Array.isArray(c.body.blocks) ? (c.body.blocks as Block[]) : [])

/** Every mrkdwn string Slack parses (where mentions could live): the fallback and block texts. */
export function mrkdwnTexts(c: Captured): string[] {
  const out = typeof c.body.text === 'string' ? [c.body.text] : []
  for (const b of blocksOf(c)) {
    if (b.text?.type === 'mrkdwn' && b.text.text) out.push(b.text.text)
    for (const e of b.elements ?? []) if (e.type === 'mrkdwn' && typeof e.text === 'string') out.push(e.text)
  }
  return out
}

/** Everything a person reads: the mrkdwn texts plus button labels. */
export function visibleText(c: Captured): string {
  const buttons = blocksOf(c).flatMap((b) => (b.elements ?? []).flatMap((e) => (e.type === 'button' && typeof e.text === 'object' ? [e.text.text ?? ''] : [])))
  return [...mrkdwnTexts(c), ...buttons].join('\n')
}

/** Markup that notifies or links (`<!channel>`, `<@U1>`, `<!subteam^…>`, `<#C1>`), or a bare @channel. */
const PING = /<[@!#]|@(?:channel|here|everyone)\b/i

export function pings(c: Captured): boolean {
  return mrkdwnTexts(c).some((t) => PING.test(t))
}

/** Slack's limits: 50 blocks, 3,000 per text, 10 context elements, 25 actions, 75 per button label, 2,000 per value. */
export function limitProblems(c: Captured): string[] {
  const problems: string[] = []
  const blocks = blocksOf(c)
  if (typeof c.body.text !== 'string' || !c.body.text.trim()) problems.push('no text fallback')
  else if (c.body.text.length > 3_000) problems.push(`text fallback of ${c.body.text.length}`)
  if (blocks.length > 50) problems.push(`${blocks.length} blocks`)
  const ids = new Set<string>()
  for (const b of blocks) {
    if ((b.text?.text?.length ?? 0) > 3_000) problems.push(`${b.type} text of ${b.text?.text?.length}`)
    const elements = b.elements ?? []
    if (b.type === 'context' && elements.length > 10) problems.push(`${elements.length} context elements`)
    if (b.type === 'actions' && elements.length > 25) problems.push(`${elements.length} actions`)
    for (const e of elements) {
      const text = typeof e.text === 'string' ? e.text : (e.text?.text ?? '')
      if (e.type === 'mrkdwn' && text.length > 3_000) problems.push(`context text of ${text.length}`)
      if (e.type === 'button') {
        if (text.length > 75) problems.push(`button text of ${text.length}`)
        if ((e.value?.length ?? 0) > 2_000) problems.push(`button value of ${e.value?.length}`)
        if (!e.action_id || ids.has(e.action_id)) problems.push(`action_id ${e.action_id} missing or repeated`)
        ids.add(e.action_id ?? '')
      }
    }
  }
  return problems
}

export function toSent(c: Captured): Sent {
  const votes = buttonsOf(c)
    .filter(isVoteButton)
    .map((b) => `${b.action_id} ${b.value}`)
  const isPrivate = c.method === 'chat.postEphemeral' || c.body.response_type === 'ephemeral'
  return { text: visibleText(c), pings: pings(c), withinLimits: limitProblems(c).length === 0, votes, private: isPrivate }
}

export type Button = { action_id: string; value: string; text: string }

/** 👍/👎's buttons, which end every answer in a block of their own. */
export const isVoteButton = (b: Button): boolean => b.action_id === 'vote_up' || b.action_id === 'vote_down'

/** The buttons an answer offers besides 👍/👎, in order. */
export function offeredButtonsOf(c: Captured): Button[] {
  return buttonsOf(c).filter((b) => !isVoteButton(b))
}

/** The buttons of a message, in order. */
export function buttonsOf(c: Captured): Button[] {
  return blocksOf(c).flatMap((b) =>
    (b.elements ?? []).flatMap((e) =>
      e.type === 'button' ? [{ action_id: e.action_id ?? '', value: e.value ?? '', text: typeof e.text === 'object' ? (e.text.text ?? '') : '' }] : [],
    ),
  )
}
