import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What /healthz reports: undefined while the first load of the knowledge is still running. */
export type Health = () => { articles: number; loadedAt?: Date } | undefined

/** The body and status of GET /healthz, shared by the HEALTH_PORT server and the Slack HTTP port. */
export function healthResponse(health: Health): { status: number; body: string } {
  const now = health()
  if (!now) return { status: 503, body: JSON.stringify({ status: 'loading' }) }
  return { status: 200, body: JSON.stringify({ status: 'ok', articles: now.articles, ...(now.loadedAt ? { loadedAt: now.loadedAt.toISOString() } : {}) }) }
}

/**
 * HEALTH_PORT: a small server of its own answering GET /healthz, started before the knowledge
 * loads (503 until it has, then 200 with the article count and the time of the last reload), so
 * a process manager can tell a bot that is starting from one that is stuck. Anything else is 404.
 */
export async function startHealthServer(port: number, health: Health, host?: string): Promise<{ port: number; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') {
      const { status, body } = healthResponse(health)
      res.writeHead(status, { 'content-type': 'application/json' }).end(body)
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
