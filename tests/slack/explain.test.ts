/**
 * `/explain` end to end: the real Bolt app in HTTP mode against the fake Slack. The view comes
 * back in the command's ack as Block Kit within Slack's limits; Previous/Next replace the message
 * through the button's response_url; a view asked in words in a mention gets the view; with several
 * articles the member is asked which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { seedExplainer } from '../discord/driver.js'
import { ackedMessage, type SlackTestApp, startSlackTestApp } from './harness.js'
import { FORM, signed, slashCommandBody } from './signed.js'

type Block = { type: string; text?: { text: string }; elements?: { text?: string | { text: string }; value?: string; action_id?: string }[] }
type Message = { text: string; blocks: Block[]; replace_original?: boolean }

let app: SlackTestApp
beforeAll(async () => {
  app = await startSlackTestApp(seedExplainer(), { rateLimit: { limit: 1_000, windowMs: 1_000 } })
})
afterAll(async () => app?.close())

async function explain(on: SlackTestApp, text: string): Promise<Message> {
  const reply = await on.post(signed(slashCommandBody({ text, command: '/explain', response_url: on.fake.responseUrl(`x-${Math.random()}`) }), FORM))
  expect(reply.status).toBe(200)
  return ackedMessage(reply).body as Message
}

/** Every text a member reads in the message. */
const textOf = (m: Message) =>
  m.blocks.flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))]).join('\n')
const buttonsOf = (m: Message) => m.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? [])

function withinLimits(m: Message): void {
  expect(m.blocks.length).toBeLessThanOrEqual(50)
  for (const b of m.blocks) {
    if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3_000)
    expect((b.elements ?? []).length).toBeLessThanOrEqual(b.type === 'context' ? 10 : 25)
  }
}

async function click(on: SlackTestApp, button: { action_id?: string; value?: string }): Promise<Message> {
  const reply = await on.click({ actionId: button.action_id ?? '', value: button.value ?? '', channel: 'C1', ephemeral: true })
  expect(reply.status).toBe(200)
  const sent = await on.fake.waitFor((c) => c.method === 'response_url' && c.responseId === reply.responseId, 'the next page')
  return sent.body as Message
}

describe('/explain on Slack', () => {
  it("answers /explain who privately with who's who in Block Kit", async () => {
    const m = await explain(app, 'who')
    const text = textOf(m)
    expect(text).toContain("Who's who")
    expect(text).toContain('Andrew Selee — president of the nonpartisan Migration Policy Institute')
    expect(text).toContain('Washington Office on Latin America (organization)')
    withinLimits(m)
  })

  it('pages with Previous and Next, replacing the message', async () => {
    const first = await explain(app, 'timeline')
    expect(textOf(first)).toMatch(/page 1 of \d+/)
    const next = buttonsOf(first).find((b) => b.action_id === 'view_page_next')
    expect(next).toBeDefined()
    expect(buttonsOf(first).some((b) => b.action_id === 'view_page_prev')).toBe(false)
    const second = await click(app, next ?? {})
    expect(second.replace_original).toBe(true)
    expect(textOf(second)).toMatch(/page 2 of \d+/)
    withinLimits(second)
    const previous = buttonsOf(second).find((b) => b.action_id === 'view_page_prev')
    const back = await click(app, previous ?? {})
    expect(textOf(back)).toBe(textOf(first))
  })

  it('filters quotes by name, and explains itself for anything else', async () => {
    const price = textOf(await explain(app, 'quotes Price'))
    expect(price).toContain('Ned Price: “We hold deep respect')
    expect(price).not.toContain('Sarukhán:')
    expect(textOf(await explain(app, 'everything'))).toContain('/explain timeline')
  })

  it('gives the view to a mention that asks for it in words', async () => {
    const reply = await app.mention("who's who?")
    expect(textOf(reply.body as Message)).toContain("Who's who")
    const ordinary = await app.mention('How many flights per week go to Guatemala?')
    expect(textOf(ordinary.body as Message)).toContain('six flights per week')
  })
})

describe('/explain on Slack with several articles', () => {
  let several: SlackTestApp
  beforeAll(async () => {
    several = await startSlackTestApp(createExplainer([...loadKnowledge('knowledge'), ...loadKnowledge('tests/fixtures/views')]))
  })
  afterAll(async () => several?.close())

  it('asks which article with a button each, and takes a slug after the view', async () => {
    const asked = await explain(several, 'numbers')
    expect(textOf(asked)).toContain('which article?')
    const comet = buttonsOf(asked).find((b) => (typeof b.text === 'string' ? b.text : b.text?.text)?.startsWith('Comet Halden-7'))
    const shown = await click(several, comet ?? {})
    expect(textOf(shown)).toContain('210 million — euros')
    expect(textOf(await explain(several, 'who council-vote'))).toContain('Joanna Castellanos — Mayor')
  })
})
