import { SetupError, type SlackConfig } from '../../config.js'
import { PlatformUnreachable } from '../shared/errors.js'

/**
 * What can go wrong while connecting, as one line the operator can act on: `start` prints a
 * SetupError as `explainer: <message>` with exit code 1, never a stack trace, and retries a
 * PlatformUnreachable (the network, or Slack answering 5xx) while the other platforms serve.
 */

type SlackApiError = Error & { code?: string; data?: { error?: string }; statusCode?: number; original?: Error }

/** Which token a failed call used: auth.test checks the bot token, apps.connections.open the app token. */
export type Step = 'bot token' | 'app token'

const HINTS: Record<Step, { variable: string; fix: string }> = {
  'bot token': {
    variable: 'SLACK_BOT_TOKEN',
    fix: 'copy the Bot User OAuth Token (xoxb-) from "OAuth & Permissions", and reinstall the app if it was revoked',
  },
  'app token': {
    variable: 'SLACK_APP_TOKEN',
    fix: 'create an app-level token with the connections:write scope under "Basic Information", and turn Socket Mode on',
  },
}

export function explainStartError(error: unknown, step: Step, slack: SlackConfig): Error {
  const e = error as SlackApiError
  const { variable, fix } = HINTS[step]
  const where = slack.apiUrl ? `the Slack API at ${slack.apiUrl} (SLACK_API_URL)` : 'Slack'
  switch (e?.code) {
    case 'slack_webapi_platform_error':
      return new SetupError(`${variable} was rejected by Slack (${e.data?.error ?? 'unknown error'}): ${fix}`)
    case 'slack_webapi_request_error':
      return new PlatformUnreachable(`${where} could not be reached (${e.original?.message ?? e.message}): check the network connection`)
    case 'slack_webapi_http_error':
      return (e.statusCode ?? 0) >= 500
        ? new PlatformUnreachable(`${where} answered HTTP ${e.statusCode} while checking ${variable}`)
        : new SetupError(`${where} answered HTTP ${e.statusCode ?? '?'} while checking ${variable}: check ${variable}`)
    case 'EADDRINUSE':
    case 'EACCES':
      return new SetupError(`SLACK_PORT ${slack.port} cannot be used (${e.code}): choose another port`)
    default:
      return error instanceof Error ? error : new Error(String(error))
  }
}
