import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt'
import type { Deps } from '../ask.js'
import type { Replier } from '../reply.js'

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs
export type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs
export type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs

/**
 * One listener, declared as data: what it listens to, which events it leaves alone, where its
 * replies go, and what it does. listeners/index.ts registers them all the same way, so acking,
 * error replies and logging are written once.
 */
export type Spec<Kind extends string, Args> = {
  kind: Kind
  /** False for what is not a member asking (bots, edits, joins): nothing is sent. Default: all. */
  accepts?(args: Args): boolean
  /** Where the answer, a "slow down" or the error reply goes. */
  replier(args: Args, deps: Deps): Replier
  handle(args: Args, reply: Replier, deps: Deps): Promise<void>
}

export type CommandListener = Spec<'command', CommandArgs> & { command: string }
export type ButtonListener = Spec<'button', ButtonArgs> & { actionId: string | RegExp }
export type MentionListener = Spec<'app_mention', MentionArgs>
export type MessageListener = Spec<'message', MessageArgs>

export type SlackListener = CommandListener | ButtonListener | MentionListener | MessageListener
