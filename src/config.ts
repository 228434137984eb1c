/**
 * The environment, read once. Each part (Discord, Slack, the rate limit) is checked when a command
 * first reads it, so `ask` never fails over a malformed SLACK_* it does not use, while `start`
 * reads every part before connecting: a wrong value stops it with one line naming the variable,
 * instead of failing later inside a platform library. Values are never echoed back: several of
 * them are secrets. This module imports nothing of the program's own.
 */

import { join } from 'node:path'

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

/** The store (question log, votes, state several copies share): src/store/open-store.ts opens it for `start`. */
export type StoreConfig = {
  /** DATABASE_URL (PostgreSQL, which several copies share) when set, else EXPLAINER_DB, an SQLite file. */
  location: { url: string } | { file: string }
  /** QUESTION_LOG=off: no question text, member or channel is kept, only what the report's counts need. */
  questionLog: boolean
  /** QUESTION_LOG_DAYS: logged questions and their votes are deleted after this many days. */
  retentionDays: number
}

export type Config = {
  /** Where the articles are, when KNOWLEDGE_DIR is set; `--knowledge` overrides it. */
  knowledgeDir?: string
  /** EXPLAINER_CACHE_DIR: where saved indexes go, when not the project's .explainer-cache/. */
  cacheDir?: string
  /** RATE_LIMIT=5/30: questions a member may ask per window of seconds, on every platform. */
  rateLimit?: { limit: number; windowMs: number }
  discord?: DiscordConfig
  slack?: SlackConfig
  /** HEALTH_PORT: a port of its own for GET /healthz (a Discord-only bot has no HTTP port otherwise). */
  healthPort?: number
  /** DEBUG=1: unexpected errors print their stack. */
  debug: boolean
  /** Read (and checked) only by the commands that use the store: ask, eval and chat never do. */
  store?: StoreConfig
}

/**
 * Something the operator must fix before the program can run (a variable, a file, a folder): one
 * line, exit 1. The one error class for a broken setup, from the environment, the CLI or an adapter.
 */
export class SetupError extends Error {
  override name = 'SetupError'
}

/** Questions a member may ask per window when RATE_LIMIT is unset: 5 every 30 seconds. */
export const DEFAULT_RATE_LIMIT = { limit: 5, windowMs: 30_000 } as const

const DEFAULT_SLACK_PORT = 3000

/** The store's defaults: an SQLite file beside the project's other state, questions kept 30 days. */
export const DEFAULT_STORE = { file: '.explainer/explainer.db', retentionDays: 30 } as const

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
    throw new SetupError(`${name} is not a URL: set it to an http(s) address such as http://127.0.0.1:8080/api, or leave it empty`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SetupError(`${name} must be an http:// or https:// URL`)
  return value
}

function snowflake(env: Env, name: string): string | undefined {
  const value = get(env, name)
  if (value !== undefined && !/^\d{5,25}$/.test(value))
    throw new SetupError(`${name} must be a Discord id (digits only): copy it with Developer Mode's "Copy ID"`)
  return value
}

function readDiscord(env: Env): DiscordConfig | undefined {
  const token = get(env, 'DISCORD_TOKEN')
  if (!token) return undefined
  if (/\s/.test(token)) throw new SetupError('DISCORD_TOKEN has spaces in it: paste the bot token alone, without "Bot " in front')
  const clientId = snowflake(env, 'DISCORD_CLIENT_ID')
  const guildId = snowflake(env, 'DISCORD_GUILD_ID')
  const apiUrl = url(env, 'DISCORD_API_URL')
  return { token, ...(clientId ? { clientId } : {}), ...(guildId ? { guildId } : {}), ...(apiUrl ? { apiUrl } : {}) }
}

function readSlack(env: Env): SlackConfig | undefined {
  const botToken = get(env, 'SLACK_BOT_TOKEN')
  if (!botToken) return undefined
  if (!botToken.startsWith('xoxb-')) throw new SetupError('SLACK_BOT_TOKEN must start with xoxb-: use the Bot User OAuth Token from "OAuth & Permissions"')
  const appToken = get(env, 'SLACK_APP_TOKEN')
  if (appToken && !appToken.startsWith('xapp-')) throw new SetupError('SLACK_APP_TOKEN must start with xapp-: create an app-level token with connections:write')
  const signingSecret = get(env, 'SLACK_SIGNING_SECRET')
  if (!appToken && !signingSecret)
    throw new SetupError('SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is: set one of them')
  const rawPort = get(env, 'SLACK_PORT')
  const port = rawPort === undefined ? DEFAULT_SLACK_PORT : Number(rawPort)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SetupError('SLACK_PORT must be a port number from 0 to 65535')
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

/** "5/30" -> 5 questions per 30 seconds; unset -> the default. */
function rateLimit(env: Env): Config['rateLimit'] {
  const value = get(env, 'RATE_LIMIT')
  if (value === undefined) return { ...DEFAULT_RATE_LIMIT }
  const m = value.match(/^(\d{1,4})\s*\/\s*(\d{1,5})$/)
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new SetupError('RATE_LIMIT must be QUESTIONS/SECONDS with both at least 1, such as 5/30 (five questions every 30 seconds per member)')
  return { limit: Number(m[1]), windowMs: Number(m[2]) * 1000 }
}

/** DATABASE_URL wins over EXPLAINER_DB: copies that share a database must not each fall back to a file. */
function readStore(env: Env, home: string | undefined): StoreConfig {
  const url = get(env, 'DATABASE_URL')
  // The url holds a password: it is never repeated in a message.
  if (url !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(url))
    throw new SetupError(
      'DATABASE_URL must be a postgres:// or postgresql:// URL, such as postgres://explainer:PASSWORD@db.example:5432/explainer, or empty for the SQLite file',
    )
  const log = (get(env, 'QUESTION_LOG') ?? 'on').toLowerCase()
  if (log !== 'on' && log !== 'off') throw new SetupError('QUESTION_LOG must be on or off (off keeps no question, member or channel, only counts)')
  const days = get(env, 'QUESTION_LOG_DAYS') ?? String(DEFAULT_STORE.retentionDays)
  if (!/^\d{1,5}$/.test(days) || Number(days) < 1) throw new SetupError('QUESTION_LOG_DAYS must be a whole number of days, at least 1, such as 30')
  // The default file sits in the project, so `npx explainer report` run from any folder reads the
  // store `npm start` (always run in the project) writes; an EXPLAINER_DB given is taken as given.
  const file = get(env, 'EXPLAINER_DB') ?? (home ? join(home, DEFAULT_STORE.file) : DEFAULT_STORE.file)
  return { location: url ? { url } : { file }, questionLog: log === 'on', retentionDays: Number(days) }
}

/** A part read and checked on first use, then remembered: a malformed one throws SetupError each time it is read. */
function lazy<T>(read: () => T): () => T {
  let done = false
  let value: T
  return () => {
    if (!done) {
      value = read()
      done = true
    }
    return value
  }
}

/**
 * The variables of the README's table. The platform parts and the rate limit are getters that check
 * their variables when first read and throw SetupError on a problem; `checkAll` reads them all.
 * `home` is the project's folder, where a default file goes (the store's); without it, the
 * current folder.
 */
export function readConfig(env: Env = process.env, home?: string): Config {
  const knowledgeDir = get(env, 'KNOWLEDGE_DIR')
  const cacheDir = get(env, 'EXPLAINER_CACHE_DIR')
  const discord = lazy(() => readDiscord(env))
  const slack = lazy(() => readSlack(env))
  const limit = lazy(() => rateLimit(env))
  const health = lazy(() => healthPort(env))
  const store = lazy(() => readStore(env, home))
  return {
    debug: isDebug(env),
    ...(knowledgeDir ? { knowledgeDir } : {}),
    ...(cacheDir ? { cacheDir } : {}),
    get discord() {
      return discord()
    },
    get slack() {
      return slack()
    },
    get rateLimit() {
      return limit()
    },
    get healthPort() {
      return health()
    },
    get store() {
      return store()
    },
  }
}

function healthPort(env: Env): number | undefined {
  const raw = get(env, 'HEALTH_PORT')
  if (raw === undefined) return undefined
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SetupError('HEALTH_PORT must be a port number from 0 to 65535')
  return port
}

/** The store's settings: readConfig always has them; only a Config made by hand (a test's) may not. */
export function storeSettings(config: Config): StoreConfig {
  if (!config.store) throw new SetupError('the store has no settings: check EXPLAINER_DB and DATABASE_URL')
  return config.store
}

/** Reads every part, so a command that serves the platforms fails on any malformed variable before it connects. */
export function checkAll(config: Config): void {
  void [config.discord, config.slack, config.rateLimit, config.healthPort, config.store]
}

/** Separate so the last-resort error handler can honour DEBUG even when the config is invalid. */
export function isDebug(env: Env = process.env): boolean {
  const value = get(env, 'DEBUG')
  return value !== undefined && !['0', 'false', 'no', 'off'].includes(value.toLowerCase())
}
