import type { Client } from 'discord.js'
import type { Logger } from './context.js'

/**
 * discord.js turns each gateway event into objects inside a listener that nothing awaits
 * (WebSocketManager#handlePacket, called from @discordjs/ws). An event it cannot read (a field
 * missing or of a new shape) throws there and surfaces as an unhandled rejection, on which
 * main.ts ends the process. This wraps that one method so such an event is logged and dropped.
 *
 * handlePacket is private to discord.js (checked in 14.28.1); if a later version renames it, the
 * shield is simply not applied, and the test that sends a malformed event says so.
 */
type PacketHandling = { handlePacket?: (packet: { t?: string } | undefined, shard: unknown) => boolean }

export function shieldPacketHandling(client: Client, logger: Logger): boolean {
  const ws = client.ws as unknown as PacketHandling
  const original = ws.handlePacket
  if (typeof original !== 'function') return false
  ws.handlePacket = (packet, shard) => {
    try {
      return original.call(ws, packet, shard)
    } catch (error) {
      logger.error(`skipped a gateway event discord.js could not read (${packet?.t ?? 'unknown'})`, error)
      return true
    }
  }
  return true
}
