import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report } from '../../src/report/report-data.js'
import { buttonClick, interactionOutcome, messageBody, nextId, seedExplainer, slashCommand, startBot, type TestBot, votesOf } from '../discord/driver.js'
import { ackedMessage, type SlackTestApp, startSlackTestApp } from '../slack/harness.js'
import { buttonsOf } from '../slack/inspect.js'
import { TEAM } from '../slack/signed.js'
import { eventually, openTestStore, type TestStore } from '../support/adapter-store.js'
import { sqliteFile } from '../support/databases.js'
import { runCli } from '../support/run-cli.js'

/**
 * Issue 12 end to end: members ask on the fake Slack and the fake Discord, the real adapters log
 * into one real SQLite store and store a 👎, and `explainer report --json` run on that file shows
 * the question the article could not answer (asked on both platforms, counted once with its
 * count) and the answer voted down with its sentence. No member, channel, server or workspace id
 * appears in clear in the report or anywhere in the store.
 */
const explainer = seedExplainer()
const UNANSWERABLE = 'What is the boiling point of mercury on Jupiter?'

describe('Slack and Discord questions, then explainer report', () => {
  const file = sqliteFile()
  let store: TestStore
  let slack: SlackTestApp
  let discord: TestBot
  beforeAll(async () => {
    store = await openTestStore({ file })
    slack = await startSlackTestApp(explainer, { rateLimit: { limit: 1_000 }, store: store.store })
    discord = await startBot(explainer, { store: store.store, rateLimit: { limit: 1_000 } })
  })
  afterAll(async () => {
    await slack?.close()
    await discord?.close()
    await store?.close()
  })

  it('shows the unanswered question and the 👎, and names no one', async () => {
    const slackMember = 'U0SLACKASKER7'
    const discordMember = nextId()
    const guild = discord.fake.guilds[0]
    await slack.mention(UNANSWERABLE, slackMember)
    const selee = ackedMessage(await slack.command('Who is Andrew Selee?', slackMember))
    const down = buttonsOf(selee).find((b) => b.action_id === 'vote_down')
    const click = await slack.click({ actionId: 'vote_down', value: down?.value ?? '', user: slackMember, channel: 'C1', message: { ts: slack.nextTs() } })
    await slack.fake.waitFor((c) => c.method === 'response_url' && c.responseId === click.responseId, 'the thanks for the 👎')
    const ask = slashCommand('ask', [{ name: 'question', type: 3, value: UNANSWERABLE.toLowerCase().replace('?', '') }], { guild }, discordMember)
    discord.fake.dispatch('INTERACTION_CREATE', ask)
    const declined = messageBody((await interactionOutcome(discord.fake, ask)).final)
    const vote = buttonClick(votesOf(declined)[1], { content: 'an answer' }, { guild }, discordMember)
    discord.fake.dispatch('INTERACTION_CREATE', vote)
    await interactionOutcome(discord.fake, vote)
    await eventually(
      async () => [
        (await store.db.selectFrom('questions').select('id').execute()).length,
        (await store.db.selectFrom('votes').select('vote').execute()).length,
      ],
      ([questions, votes]) => questions === 3 && votes === 2,
      'three questions and two votes logged',
    )

    const run = await runCli(['report', '--json', '--knowledge', 'knowledge'], { env: { EXPLAINER_DB: file, DATABASE_URL: '' } })
    expect(run.code).toBe(0)
    const report: Report = JSON.parse(run.stdout)
    expect(report.totals).toMatchObject({ questions: 3, answered: 1, notFound: 2, members: 2, votes: { up: 0, down: 2 } })
    expect(report.unanswered).toEqual([
      expect.objectContaining({ question: UNANSWERABLE, count: 2, members: 2, alsoTyped: [UNANSWERABLE.toLowerCase().replace('?', '')] }),
    ])
    const seleeDown = report.votedDown.find((v) => v.question === 'Who is Andrew Selee?')
    expect(seleeDown).toMatchObject({ status: 'answered', down: 1 })
    expect(seleeDown?.cited[0].text).toContain('Selee')

    const dump = await store.dump()
    for (const id of [slackMember, TEAM, 'C1', discordMember, guild.id, guild.channel]) {
      // As a whole word: the team id T1 is also in every ISO time from 10:00 to 19:59 (…T10:04…).
      expect(run.stdout).not.toMatch(new RegExp(`\\b${id}\\b`))
      expect(dump).not.toContain(id)
    }
  })
})
