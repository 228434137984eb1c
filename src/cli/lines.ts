const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d

function withoutCR(line: Buffer): Buffer {
  return line.length && line[line.length - 1] === CARRIAGE_RETURN ? line.subarray(0, -1) : line
}

/**
 * The lines of a byte stream, as bytes: decoding happens per line so one bad line cannot shift or
 * swallow its neighbours. Splits on \n and drops a \r before it; a final newline ends the last
 * line rather than starting an empty one. Lines are yielded as they arrive, so a pipe that is
 * fed slowly is answered line by line.
 */
export async function* byteLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0)
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    let buffer = pending.length ? Buffer.concat([pending, bytes]) : bytes
    let newline = buffer.indexOf(NEWLINE)
    while (newline >= 0) {
      yield withoutCR(buffer.subarray(0, newline))
      buffer = buffer.subarray(newline + 1)
      newline = buffer.indexOf(NEWLINE)
    }
    // Copied so the stream's chunk can be released while a partial line waits for its end.
    pending = Buffer.from(buffer)
  }
  if (pending.length) yield withoutCR(pending)
}

export type DecodedLine = { text: string; valid: boolean }

/**
 * Strict UTF-8 (a byte order mark in front is dropped, as Windows editors write one). An undecodable line keeps its lossy decoding, whose U+FFFD marks the core's
 * validation rejects as unreadable: the core, not the CLI, decides and words the answer.
 */
export function decodeLine(bytes: Uint8Array): DecodedLine {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), valid: true }
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), valid: false }
  }
}
