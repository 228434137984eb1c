import { DEFAULT_RATE_LIMIT } from './adapters/shared/rate-limit.js'

/**
 * The environment, read once and checked before anything starts: a wrong value stops the program
 * with one line naming the variable, instead of failing later inside a platform library.
 * Values are never echoed back: several of them are secrets.
 */

export type DiscordConfig = {
  token: string
  /** Application id for registering slash commands; discord.js can also learn it at login. */
  clientId?: string
  /** Register commands on one server (instant) instead of globally. */
  guildId?: string
  apiUrl?: string
}

export type SlackConfig = {
  botToken: string
  /** Socket Mode when an app token is set, else HTTP mode with the signing secret. */
  mode: 'socket' | 'http'
  appToken?: string
  signingSecret?: string
  port: number
  apiUrl?: string
}

export type Config = {
  /** Where the articles are, when KNOWLEDGE_DIR is set; `--knowledge` overrides it. */
  knowledgeDir?: string
  /** RATE_LIMIT=5/30: questions a member may ask per window of seconds, on every platform. */
  rateLimit?: { limit: number; windowMs: number }
  discord?: DiscordConfig
  slack?: SlackConfig
  /** DEBUG=1: unexpected errors print their stack. */
  debug: boolean
}

/** A variable is missing or malformed: a broken setup, named so the operator can fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const DEFAULT_SLACK_PORT = 3000

type Env = Record<string, string | undefined>

/** Empty counts as unset: a .env copied from .env.example has every name with no value. */
function get(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

function url(env: Env, name: string): string | undefined {
  const value = get(env, name)
  if (value === undefined) return undefined
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new ConfigError(`${name} is not a URL: set it to an http(s) address such as http://127.0.0.1:8080/api, or leave it empty`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError(`${name} must be an http:// or https:// URL`)
  return value
}

function snowflake(env: Env, name: string): string | undefined {
  const value = get(env, name)
  if (value !== undefined && !/^\d{5,25}$/.test(value))
    throw new ConfigError(`${name} must be a Discord id (digits only): copy it with Developer Mode's "Copy ID"`)
  return value
}

function readDiscord(env: Env): DiscordConfig | undefined {
  const token = get(env, 'DISCORD_TOKEN')
  if (!token) return undefined
  if (/\s/.test(token)) throw new ConfigError('DISCORD_TOKEN has spaces in it: paste the bot token alone, without "Bot " in front')
  const clientId = snowflake(env, 'DISCORD_CLIENT_ID')
  const guildId = snowflake(env, 'DISCORD_GUILD_ID')
  const apiUrl = url(env, 'DISCORD_API_URL')
  return { token, ...(clientId ? { clientId } : {}), ...(guildId ? { guildId } : {}), ...(apiUrl ? { apiUrl } : {}) }
}

function readSlack(env: Env): SlackConfig | undefined {
  const botToken = get(env, 'SLACK_BOT_TOKEN')
  if (!botToken) return undefined
  if (!botToken.startsWith('xoxb-')) throw new ConfigError('SLACK_BOT_TOKEN must start with xoxb-: use the Bot User OAuth Token from "OAuth & Permissions"')
  const appToken = get(env, 'SLACK_APP_TOKEN')
  if (appToken && !appToken.startsWith('xapp-'))
    throw new ConfigError('SLACK_APP_TOKEN must start with xapp-: create an app-level token with connections:write')
  const signingSecret = get(env, 'SLACK_SIGNING_SECRET')
  if (!appToken && !signingSecret)
    throw new ConfigError('SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is: set one of them')
  const rawPort = get(env, 'SLACK_PORT')
  const port = rawPort === undefined ? DEFAULT_SLACK_PORT : Number(rawPort)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('SLACK_PORT must be a port number from 0 to 65535')
  const apiUrl = url(env, 'SLACK_API_URL')
  return {
    botToken,
    mode: appToken ? 'socket' : 'http',
    port,
    ...(appToken ? { appToken } : {}),
    ...(signingSecret ? { signingSecret } : {}),
    ...(apiUrl ? { apiUrl } : {}),
  }
}

/** Reads and checks every variable of DESIGN.md's table; throws ConfigError on the first problem. */
/** "5/30" -> 5 questions per 30 seconds; unset -> the default. */
function rateLimit(env: Env): Config['rateLimit'] {
  const value = get(env, 'RATE_LIMIT')
  if (value === undefined) return { ...DEFAULT_RATE_LIMIT }
  const m = value.match(/^(\d{1,4})\s*\/\s*(\d{1,5})$/)
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new ConfigError('RATE_LIMIT must be QUESTIONS/SECONDS with both at least 1, such as 5/30 (five questions every 30 seconds per member)')
  return { limit: Number(m[1]), windowMs: Number(m[2]) * 1000 }
}

export function readConfig(env: Env = process.env): Config {
  const knowledgeDir = get(env, 'KNOWLEDGE_DIR')
  const discord = readDiscord(env)
  const slack = readSlack(env)
  return {
    debug: isDebug(env),
    rateLimit: rateLimit(env),
    ...(knowledgeDir ? { knowledgeDir } : {}),
    ...(discord ? { discord } : {}),
    ...(slack ? { slack } : {}),
  }
}

/** Separate so the last-resort error handler can honour DEBUG even when the config is invalid. */
export function isDebug(env: Env = process.env): boolean {
  const value = get(env, 'DEBUG')
  return value !== undefined && !['0', 'false', 'no', 'off'].includes(value.toLowerCase())
}
