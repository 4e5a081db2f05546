import type { PackedListing } from './packed-listing'
import type { FileToParse, ParsedFile } from './parse-files'

/** What the index worker receives as `workerData`: files to parse, or a folder to list. */
export type IndexWorkerInput =
  | { task: 'parse'; files: FileToParse[]; batchSize: number }
  | { task: 'walk'; root: string }

/** What the index worker posts back: batches then `done`, the listing, or `error`. */
export type IndexWorkerMessage =
  | { type: 'batch'; batch: ParsedFile[] }
  | { type: 'done' }
  | { type: 'walked'; listing: PackedListing }
  | { type: 'error'; message: string }
