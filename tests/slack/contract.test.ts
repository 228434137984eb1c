/**
 * The adapter contract every chat adapter owes its users (tests/contract/adapter-contract.ts),
 * driven through signed HTTP requests to a real Bolt app and read back from the fake Web API.
 */
import { type ContractDriver, type ContractHarness, runAdapterContract, type Sent } from '../contract/adapter-contract.js'
import { BOT_ID, BOT_USER } from './fake-slack.js'
import { dmEvent, mentionEvent, type SlackTestApp, startSlackTestApp } from './harness.js'
import { toSent } from './inspect.js'

/** Everything the bot sent in reply to the events sent by `send`, once they have all been handled. */
async function repliesTo(slack: SlackTestApp, send: (ts: string, channel: string) => Promise<unknown>): Promise<Sent[]> {
  const ts = slack.nextTs()
  const channel = `D-${ts}`
  await send(ts, channel)
  await slack.settle()
  return slack.fake.captured.filter((c) => c.body.thread_ts === ts || c.body.channel === channel).map(toSent)
}

function driver(slack: SlackTestApp): ContractDriver {
  return {
    async mention(text, userId = 'U-member') {
      // The first reply says the event was handled; settle() catches anything sent after it.
      const first = await slack.mention(text, userId)
      await slack.settle()
      return slack.inThread(String(first.body.thread_ts)).map(toSent)
    },
    // The bot's own answers come back as events: a DM it wrote, and a mention of itself.
    ownMessage: (text) =>
      repliesTo(slack, async (ts, channel) => {
        await slack.event(dmEvent(text, ts, channel, BOT_USER, { bot_id: BOT_ID }))
        await slack.event(mentionEvent(text, ts, BOT_USER, { bot_id: BOT_ID }))
      }),
    async vote(button, userId) {
      const [actionId, value] = button.split(' ')
      const click = await slack.click({ actionId, value, user: userId, channel: 'C1', message: { ts: slack.nextTs() } })
      const thanks = await slack.fake.waitFor((c) => c.responseId === click.responseId, 'the thanks for a vote')
      return [toSent(thanks)]
    },
    otherBotMessage: (text) =>
      repliesTo(slack, async (ts, channel) => {
        await slack.event(mentionEvent(text, ts, 'U-otherbot', { bot_id: 'B-other' }))
        await slack.event(dmEvent(text, ts, channel, 'U-otherbot', { subtype: 'bot_message', bot_id: 'B-other' }))
      }),
    close: () => slack.close(),
  }
}

const harness: ContractHarness = {
  platform: 'Slack',
  async start(explainer, { rateLimit, store }) {
    return driver(await startSlackTestApp(explainer, { rateLimit: { limit: rateLimit }, store }))
  },
}

runAdapterContract(harness)
