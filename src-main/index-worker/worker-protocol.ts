import type { PackedListing } from './packed-listing'
import type { FileToParse, ParsedFile } from './parse-files'

/** What an index worker can be asked to do: parse files, or list a folder. */
export type IndexWorkerTask =
  | { task: 'parse'; files: FileToParse[]; batchSize: number }
  | { task: 'walk'; root: string }

/** A task posted to an index worker; `job` numbers its answers. */
export type IndexWorkerJob = IndexWorkerTask & { job: number }

/**
 * What an index worker posts: `ready` once, when its code is loaded; for a parse job its
 * batches then `done`; for a walk job the listing; `error` when a job failed.
 */
export type IndexWorkerMessage =
  | { type: 'ready' }
  | { job: number; type: 'batch'; batch: ParsedFile[] }
  | { job: number; type: 'done' }
  | { job: number; type: 'walked'; listing: PackedListing }
  | { job: number; type: 'error'; message: string }
