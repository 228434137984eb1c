import { SetupError } from '../../config.js'
import { PlatformUnreachable } from '../shared/errors.js'

/**
 * The problems that show up only when Discord is called: a wrong or reset token (a SetupError:
 * exit 1), and no way to reach Discord at all (PlatformUnreachable: `start` retries). Each becomes
 * one line the operator can act on instead of discord.js's own error.
 */
export const TOKEN_REJECTED =
  'DISCORD_TOKEN was rejected by Discord (401 Unauthorized): reset it in the Developer Portal (your application > Bot > Reset Token) and put the new one in .env'

/** Gateway close code for a token Discord does not accept; REST says 401, discord.js `TokenInvalid`. */
export const AUTHENTICATION_FAILED = 4004

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])

type Failure = { code?: unknown; status?: unknown; cause?: unknown } | undefined

export function isTokenRejected(error: unknown): boolean {
  const e = error as Failure
  return e?.code === 'TokenInvalid' || e?.status === 401 || e?.code === AUTHENTICATION_FAILED
}

/** The system error code of a failed connection, looked for in the error and its causes. */
function networkCode(error: unknown): string | undefined {
  for (let e = error as Failure, depth = 0; e && depth < 4; e = e.cause as Failure, depth++)
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code
  return undefined
}

export function tokenRejected(): SetupError {
  return new SetupError(TOKEN_REJECTED)
}

/** A token or network failure as its one line; anything else unchanged. */
export function explainSetupError(error: unknown, apiUrl?: string): unknown {
  if (isTokenRejected(error)) return tokenRejected()
  const code = networkCode(error)
  if (!code) return error
  const where = apiUrl ? `${apiUrl} (DISCORD_API_URL)` : 'discord.com'
  return new PlatformUnreachable(`cannot reach Discord at ${where}: ${code}; check the network connection${apiUrl ? ' and DISCORD_API_URL' : ''}`)
}
