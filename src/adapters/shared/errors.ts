/**
 * A platform could not be reached (no network, DNS, refused connection, a 5xx while connecting):
 * unlike a rejected token, waiting may cure it, so `start` retries it with backoff while the other
 * platforms keep serving. The message is one line naming the platform and the address.
 */
export class PlatformUnreachable extends Error {
  override name = 'PlatformUnreachable'
}
