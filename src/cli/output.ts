import { once } from 'node:events'

/**
 * Writes and waits when the pipe is full, so a long --jsonl run into a slow reader holds memory
 * steady instead of queueing every answer. A closed pipe (EPIPE) is handled once, in main.ts.
 */
export async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain')
}
