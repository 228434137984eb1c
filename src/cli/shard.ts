/**
 * The life of one shard process: `start --shard`, forked by start:sharded's ShardingManager with
 * an IPC channel to it (discord.js reports readiness over it and sets SHARDS / SHARD_COUNT).
 */

/** Whether this process was forked with an IPC channel, as the ShardingManager does. */
export const hasManager = (): boolean => typeof process.send === 'function'

/**
 * Runs `serve` as a shard: if the manager goes away (killed, crashed) the shard stops as on
 * SIGTERM instead of running on unsupervised; after a clean stop it lets go of the IPC channel,
 * which would otherwise keep the process alive.
 */
export async function asShard<T>(serve: () => Promise<T>): Promise<T> {
  const orphaned = () => process.kill(process.pid, 'SIGTERM')
  process.once('disconnect', orphaned)
  try {
    return await serve()
  } finally {
    process.off('disconnect', orphaned)
    if (process.connected) process.disconnect()
  }
}
