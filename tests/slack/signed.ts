/**
 * Requests as Slack sends them, signed with the signing secret: slash commands and button clicks
 * as forms, events as JSON. Used by the tests and by the Slack bench (bench/slack.ts).
 */
import { createHmac } from 'node:crypto'

export const SIGNING_SECRET = 'test-signing-secret'
export const TEAM = 'T1'
export const APP_ID = 'A1'

/** Exactly this: Bolt answers 400 to `application/x-www-form-urlencoded; charset=utf-8`. */
export const FORM = 'application/x-www-form-urlencoded'
export const JSON_TYPE = 'application/json'

export type SignedRequest = { body: string; headers: Record<string, string> }

/** `v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>`, as Slack signs every request. */
export function signed(body: string, contentType: string, options: { secret?: string; timestamp?: number } = {}): SignedRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000)
  const hmac = createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`)
  return {
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${hmac.digest('hex')}`,
    },
  }
}

export type CommandFields = { text: string; user_id?: string; channel_id?: string; response_url: string; command?: string }

export function slashCommandBody(fields: CommandFields): string {
  return new URLSearchParams({
    token: 'unused',
    team_id: TEAM,
    team_domain: 'test',
    channel_id: fields.channel_id ?? 'C1',
    channel_name: 'general',
    user_id: fields.user_id ?? 'U1',
    user_name: 'member',
    command: fields.command ?? '/ask',
    text: fields.text,
    api_app_id: APP_ID,
    response_url: fields.response_url,
    trigger_id: 'trigger',
  }).toString()
}

export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'unused',
    type: 'event_callback',
    team_id: TEAM,
    api_app_id: APP_ID,
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  })
}

export type ButtonClick = {
  actionId: string
  value: string
  user?: string
  channel: string
  responseUrl: string
  /** The message the button was under; absent for an ephemeral one. */
  message?: { ts: string; thread_ts?: string }
  ephemeral?: boolean
}

/** A block_actions payload, form-encoded in a `payload` field as Slack sends it. */
export function buttonBody(click: ButtonClick): string {
  const payload = {
    type: 'block_actions',
    user: { id: click.user ?? 'U1', username: 'member', team_id: TEAM },
    api_app_id: APP_ID,
    token: 'unused',
    container: { type: 'message', message_ts: click.message?.ts ?? '1.0', channel_id: click.channel, is_ephemeral: !!click.ephemeral },
    trigger_id: 'trigger',
    team: { id: TEAM, domain: 'test' },
    channel: { id: click.channel, name: click.channel.startsWith('D') ? 'directmessage' : 'general' },
    ...(click.message ? { message: { type: 'message', user: 'UBOT', bot_id: 'B1', text: 'an answer', ...click.message } } : {}),
    response_url: click.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'explainer_actions',
        value: click.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1.1',
      },
    ],
  }
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
}
