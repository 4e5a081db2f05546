import type { PostSummary } from '../../src-shared/model/post'
import { checkPostColumns, emptyPostColumns, type PostColumns } from './post-columns'

/** The schema version this build writes. Bump it and add a migration to change the shape. */
export const CURRENT_SCHEMA_VERSION = 3

/** One post as the metadata store keeps it: what the UI shows, plus what indexing needs. */
export interface PostRecord extends PostSummary {
  /** sha-256 (hex) of the file's bytes when it was last indexed. */
  hash: string
}

/** The whole content of `<vault>/.lemma/db.json`. */
export interface MetadataData {
  schemaVersion: number
  /** One array per record field (see {@link PostColumns}). */
  posts: PostColumns
}

/** An empty store at the current schema version. */
export function emptyMetadata(): MetadataData {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, posts: emptyPostColumns() }
}

/**
 * Checks that a parsed db.json has the shape this build expects (after migration).
 * Returns a reason when it does not, so the caller can move the file aside.
 */
export function checkMetadataShape(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not a JSON object'
  const candidate = data as Partial<MetadataData>
  if (candidate.schemaVersion !== CURRENT_SCHEMA_VERSION) return `its schema version is ${String(candidate.schemaVersion)}`
  return checkPostColumns(candidate.posts)
}
