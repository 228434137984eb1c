import { connect, createServer, type Socket } from 'node:net'

/**
 * A loopback TCP relay in front of a real server that a test can stall: while frozen, bytes are
 * held in both directions and new connections wait, as on a network that stops answering
 * without refusing anything. Thawed, everything held goes through.
 */
export type Relay = { port: number; freeze(): void; thaw(): void; close(): Promise<void> }

export async function tcpRelay(target: { host: string; port: number }): Promise<Relay> {
  let frozen = false
  const waiting: (() => void)[] = []
  const sockets = new Set<Socket>()
  const whenFlowing = (go: () => void) => (frozen ? waiting.push(go) : go())

  const server = createServer((client) => {
    sockets.add(client)
    client.pause()
    whenFlowing(() => {
      const upstream = connect(target.port, target.host)
      sockets.add(upstream)
      const relay = (from: Socket, to: Socket) => {
        from.on('data', (chunk) => whenFlowing(() => to.write(chunk)))
        from.on('close', () => to.destroy())
        from.on('error', () => to.destroy())
      }
      relay(client, upstream)
      relay(upstream, client)
      client.resume()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as { port: number }).port,
    freeze() {
      frozen = true
    },
    thaw() {
      frozen = false
      for (const go of waiting.splice(0)) go()
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
