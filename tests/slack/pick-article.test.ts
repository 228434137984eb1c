import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { ackedMessage, type SlackTestApp, startSlackTestApp } from './harness.js'

const text = (reply: Awaited<ReturnType<SlackTestApp['command']>>) => JSON.stringify(ackedMessage(reply).body)

describe('/ask in:<article>', () => {
  let slack: SlackTestApp
  beforeAll(async () => {
    slack = await startSlackTestApp(createExplainer([...loadKnowledge('knowledge'), ...loadKnowledge('tests/fixtures/knowledge')]))
  })
  afterAll(() => slack.close())

  it('answers from the article named by its slug, or by words of its title', async () => {
    expect(text(await slack.command('in:alder-lighthouse Who designed it?'))).toContain('Hester Quill')
    expect(text(await slack.command('in:"alder point" When was the tower finished?'))).toContain('1846')
  })

  it('summarises the picked article when no question follows', async () => {
    const reply = text(await slack.command('in:alder'))
    expect(reply).toContain('Alder Point Lighthouse')
    expect(reply).not.toContain('López Obrador')
  })

  it('says so when no article, or several, match', async () => {
    expect(text(await slack.command('in:zeppelin Who flew it?'))).toContain('I know no article matching \\"zeppelin\\"')
  })
})
