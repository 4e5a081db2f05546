import { yieldToEventLoop } from './yield-to-event-loop'

/** About 4 ms of decoding each on a slow machine; a 10 MB file takes ten slices. */
const SLICE_BYTES = 1024 * 1024

/**
 * `bytes.toString('utf8')`, one slice at a time with the event loop running in
 * between: decoding 10 MB of mostly Chinese text takes some 40 ms, too long to hold
 * the main thread in one piece. Slices end on character boundaries, so valid UTF-8
 * gives exactly what one call would (invalid sequences become U+FFFD either way).
 */
export async function decodeUtf8InSlices(bytes: Buffer): Promise<string> {
  if (bytes.length <= SLICE_BYTES) return bytes.toString('utf8')
  const parts: string[] = []
  let start = 0
  while (start < bytes.length) {
    if (start > 0) await yieldToEventLoop()
    const end = characterBoundary(bytes, start + SLICE_BYTES)
    parts.push(bytes.toString('utf8', start, end))
    start = end
  }
  return parts.join('')
}

/** The first index at or before `index` (and after the slice start) that does not split a UTF-8 sequence. */
function characterBoundary(bytes: Buffer, index: number): number {
  if (index >= bytes.length) return bytes.length
  let boundary = index
  // Continuation bytes are 10xxxxxx; at most three precede a lead byte in valid UTF-8.
  while (boundary > index - 3 && (bytes[boundary] & 0xc0) === 0x80) boundary--
  return boundary
}
