import type { MetadataData } from './schema'
import { yieldToEventLoop } from './yield-to-event-loop'

/** Entries of a column stringified at once: some 4 ms for the excerpts on a slow machine. */
const SLICE_ENTRIES = 2000

/**
 * `JSON.stringify(data)`, exactly, a slice of a column at a time with the event loop
 * running in between: the 8 MB of 10,000 posts take some 40 ms in one call, too long
 * to hold the main thread. `data` must not change until the promise resolves (the
 * store hands over columns built for this write only).
 */
export async function stringifyMetadata(data: MetadataData): Promise<string> {
  const parts: string[] = [`{"schemaVersion":${JSON.stringify(data.schemaVersion)},"posts":{`]
  let isFirstColumn = true
  for (const [field, column] of Object.entries(data.posts) as Array<[string, unknown[]]>) {
    parts.push(`${isFirstColumn ? '' : ','}${JSON.stringify(field)}:[`)
    isFirstColumn = false
    for (let start = 0; start < column.length; start += SLICE_ENTRIES) {
      if (start > 0) await yieldToEventLoop()
      const slice = JSON.stringify(column.slice(start, start + SLICE_ENTRIES))
      parts.push(`${start > 0 ? ',' : ''}${slice.slice(1, -1)}`)
    }
    parts.push(']')
  }
  parts.push('}}')
  return parts.join('')
}
