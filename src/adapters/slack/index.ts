/**
 * The Slack adapter: connects with @slack/bolt and serves `explainer.ask()` to `/ask`, mentions,
 * DMs and the buttons under answers. Socket Mode when an app token is set (no public URL needed),
 * else HTTP mode on SLACK_PORT at /slack/events, verified with the signing secret.
 *
 * HTTP mode keeps nothing between requests that two copies would need to share, so it scales by
 * running copies behind a load balancer: the rate-limit counts and the answered event ids live in
 * the SharedState `start` hands over, in PostgreSQL when DATABASE_URL is set (else in memory, per
 * copy). Questions and 👍/👎 go to the store, never on the answer's path.
 */
import type { AddressInfo } from 'node:net'
import { App, type Logger, LogLevel, type webApi } from '@slack/bolt'
import { type Config, SetupError, type SlackConfig } from '../../config.js'
import type { Explainer } from '../../core/explainer.js'
import { createDeduper, type DedupeOptions } from '../../store/memory-dedupe.js'
import { adapterDeps, type CommonOptions, perKnowledge } from '../shared/common-deps.js'
import { healthResponse } from '../shared/health.js'
import type { AdapterModule, RunningAdapter } from '../shared/port.js'
import { createFollowUpIds } from '../shared/question-keys.js'
import { type Deps, SLACK_TUNING } from './ask.js'
import { createConversations } from './conversations.js'
import { registerListeners } from './listeners/index.js'
import { holdingLogger, stderrLogger } from './logger.js'
import { explainStartError } from './setup-errors.js'

/** `now` (CommonOptions) is also the clock of the retry dedupe and /ask's ack budget. */
export type SlackAdapterOptions = CommonOptions & {
  /** The share buttons' double-click guard. */
  dedupe?: Omit<DedupeOptions, 'now'>
  /** Where Bolt and the adapter log; standard error by default (DEBUG=1: from debug up). */
  logger?: Logger
  /** HTTP mode: the interface to listen on (default all; tests use 127.0.0.1). */
  host?: string
  /** Web API retries on network errors and 5xx. */
  retryConfig?: webApi.RetryOptions
  /** Private `/ask` answers kept as sent for questions asked again (default SLACK_TUNING.recentMessages; 0 keeps none). */
  recentMessages?: number
}

export type RunningSlack = RunningAdapter & {
  stop(): Promise<void>
  mode: SlackConfig['mode']
  /** HTTP mode: the port actually listened on (SLACK_PORT=0 picks a free one). */
  port?: number
}

/**
 * An answer that comes minutes late is worse than none: a few quick retries, not Slack's default
 * of ten over half an hour. (A 429 is not a retry: the client waits as Slack asks.)
 */
const RETRIES: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 }

function createApp(slack: SlackConfig, logger: Logger, logLevel: LogLevel, options: SlackAdapterOptions, explainer: Explainer): App {
  return new App({
    token: slack.botToken,
    // auth.test runs in init() below, where a rejected token can be reported; without this Bolt
    // calls it from the constructor and a failure surfaces later as an unhandled rejection.
    deferInitialization: true,
    logger,
    logLevel,
    // No conversation state is kept between events; Bolt's default store costs an Error per event.
    convoStore: false,
    clientOptions: { retryConfig: options.retryConfig ?? RETRIES, ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}) },
    ...(slack.mode === 'socket'
      ? { socketMode: true, appToken: slack.appToken }
      : {
          signingSecret: slack.signingSecret,
          // GET /healthz on the same port: the article count and the time of the last reload.
          customRoutes: [
            {
              path: '/healthz',
              method: ['GET'],
              handler: (_req, res) => {
                const { status, body } = healthResponse(() => explainer.status?.() ?? { articles: explainer.knowledge.articles.size })
                res.writeHead(status, { 'content-type': 'application/json' }).end(body)
              },
            },
          ],
        }),
  })
}

function createDeps(explainer: Explainer, config: Config, logger: Logger, options: SlackAdapterOptions): Deps {
  return adapterDeps(explainer, 'slack', config, options, (common) => ({
    logger,
    // A getter: a reload may add or drop articles while the bot serves.
    get showArticle() {
      return common.knownTitles.length > 1
    },
    conversations: createConversations({ now: common.now, onError: (message, error) => logger.warn(`${message}:`, error) }),
    shareKeys: createFollowUpIds({ maxLength: SLACK_TUNING.shareValue }),
    shares: createDeduper({ ...options.dedupe, now: common.now }),
    recentMessages: { kept: perKnowledge(explainer, () => new Map()), capacity: options.recentMessages ?? SLACK_TUNING.recentMessages },
  }))
}

/** auth.test (the bot token), then the HTTP server or the socket (the app token), each failure worded. */
async function connect(app: App, slack: SlackConfig, host?: string): Promise<number | undefined> {
  try {
    await app.init()
  } catch (error) {
    throw explainStartError(error, 'bot token', slack)
  }
  try {
    if (slack.mode === 'socket') {
      await app.start()
      return undefined
    }
    const server = await app.start({ port: slack.port, ...(host ? { host } : {}) })
    return (server.address() as AddressInfo).port
  } catch (error) {
    throw explainStartError(error, 'app token', slack)
  }
}

export async function start(explainer: Explainer, config: Config, options: SlackAdapterOptions = {}): Promise<RunningSlack> {
  const slack = config.slack
  if (!slack) throw new SetupError('SLACK_BOT_TOKEN is not set: the Slack adapter has nothing to connect with')
  const base = options.logger ?? stderrLogger(config.debug ? LogLevel.DEBUG : LogLevel.INFO)
  const logger = holdingLogger(base)
  // Bolt sets its logger to the level it is given (INFO when none): give it the logger's own.
  const app = createApp(slack, logger, base.getLevel(), options, explainer)
  const deps = createDeps(explainer, config, logger, options)

  registerListeners(app, deps)
  // The last word on anything a listener did not handle: log it and go on. Bolt's default
  // handler rethrows, which answers Slack with a 500 and invites a retry.
  app.error(async (error) => {
    logger.error('unhandled error:', error)
  })

  let port: number | undefined
  try {
    port = await connect(app, slack, options.host)
  } catch (error) {
    // The error becomes start's one line; Bolt's retry warnings only with DEBUG=1.
    logger.release(config.debug)
    throw error
  }
  logger.release(true)
  logger.info(slack.mode === 'socket' ? 'connected in Socket Mode' : `HTTP mode, listening on port ${port} at /slack/events`)
  return {
    mode: slack.mode,
    ...(port !== undefined ? { port } : {}),
    stop: async () => {
      await app.stop()
    },
  }
}

/** The port main.ts starts (shared/port.ts). */
export const slackAdapter = { start } satisfies AdapterModule
