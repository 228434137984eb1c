import { type ContractDriver, type ContractHarness, runAdapterContract, type Sent } from '../contract/adapter-contract.js'
import { BOT_ID, BOT_USER, buttonClick, interactionOutcome, messageBody, messageCreate, nextId, replyTo, startBot, toSent, user, type Where } from './driver.js'
import type { Recorded } from './fake-discord.js'

/** The shared adapter contract, driven through mentions in a guild channel of the fake Discord. */
const harness: ContractHarness = {
  platform: 'Discord',
  async start(explainer, { rateLimit, store }): Promise<ContractDriver> {
    const bot = await startBot(explainer, { rateLimit: { limit: rateLimit }, store })
    const { fake } = bot
    const where: Where = { guild: fake.guilds[0] }
    // The contract names users freely ("U-fast"); Discord's are snowflakes.
    const ids = new Map<string, string>()
    const idOf = (name: string) => ids.get(name) ?? ids.set(name, nextId()).get(name) ?? ''
    const send = (content: string, author: ReturnType<typeof user> | typeof BOT_USER) => {
      const message = messageCreate(content, where, author as ReturnType<typeof user>, true)
      fake.dispatch('MESSAGE_CREATE', message)
      return message.id
    }
    const repliesTo = (id: string): Sent[] =>
      fake.requests.filter((r: Recorded) => r.body?.message_reference?.message_id === id).map((r) => toSent(messageBody(r)))
    /**
     * What the bot sent in answer to a message it should ignore: a bare mention from someone else
     * follows it, and once that is answered everything before it has been handled (events and
     * replies to one channel keep their order).
     */
    const ignoredReplies = async (id: string): Promise<Sent[]> => {
      await replyTo(fake, send(`<@${BOT_ID}>`, user(nextId())))
      return repliesTo(id)
    }
    return {
      async mention(text, userId = 'U-someone') {
        const id = send(`<@${BOT_ID}> ${text}`, user(idOf(userId)))
        return [toSent(messageBody(await replyTo(fake, id)))]
      },
      ownMessage: (text) => ignoredReplies(send(`<@${BOT_ID}> ${text}`, BOT_USER)),
      otherBotMessage: (text) => ignoredReplies(send(`<@${BOT_ID}> ${text}`, user(nextId(), true))),
      async vote(customId, userId) {
        const click = buttonClick(customId, { content: 'an answer' }, where, idOf(userId))
        fake.dispatch('INTERACTION_CREATE', click)
        const { final } = await interactionOutcome(fake, click)
        return [toSent(messageBody(final))]
      },
      close: () => bot.close(),
    }
  },
}

runAdapterContract(harness)
