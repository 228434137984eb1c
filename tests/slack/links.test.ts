/**
 * One clean answer on Slack, end to end, over an article with a `url` in its front matter: each
 * sentence once, quotation marks as the article has them, the standfirst named so, and each
 * citation linking to its sentence with a text fragment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExplainer } from '../../src/core/explainer.js'
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js'
import { ackedMessage, type SlackTestApp, startSlackTestApp } from './harness.js'
import { visibleText } from './inspect.js'

const URL_OF_ARTICLE = 'https://news.example.org/ferry-timetable'
let slack: SlackTestApp
beforeAll(async () => {
  slack = await startSlackTestApp(createExplainer(loadKnowledge('tests/fixtures/linked')), { rateLimit: { limit: 1_000 } })
})
afterAll(async () => slack?.close())

describe('citations on Slack', () => {
  it('link each quote to its sentence in the article, and show each sentence once', async () => {
    const text = visibleText(ackedMessage(await slack.command('What did Brightwater tell the board?')))
    const links = text.match(new RegExp(`<${URL_OF_ARTICLE}#:~:text=[^|>]+\\|read it in the article>`, 'g')) ?? []
    expect(links.length).toBeGreaterThan(1)
    expect(text).toContain('"The crews have asked for a steady season," Brightwater told the board.')
    expect(text).toContain('"We would rather sail fewer boats on time than more boats late."')
    expect(text.split('We would rather sail fewer boats').length - 1).toBe(1)
  })

  it('label the standfirst as a standfirst, not a headline', async () => {
    const text = visibleText(ackedMessage(await slack.command('What is the article about?')))
    expect(text).toContain('standfirst')
    expect(text).not.toContain('headline')
  })
})
