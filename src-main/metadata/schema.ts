import type { PostSummary } from '../../src-shared/model/post'

/** The schema version this build writes. Bump it and add a migration to change the shape. */
export const CURRENT_SCHEMA_VERSION = 2

/** One post as the metadata store keeps it: what the UI shows, plus what indexing needs. */
export interface PostRecord extends PostSummary {
  /** sha-256 (hex) of the file's bytes when it was last indexed. */
  hash: string
}

/** The whole content of `<vault>/.lemma/db.json`. */
export interface MetadataData {
  schemaVersion: number
  /** Records keyed by their stable id. */
  posts: Record<string, PostRecord>
}

/** An empty store at the current schema version. */
export function emptyMetadata(): MetadataData {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, posts: {} }
}

/**
 * Checks that a parsed db.json has the shape this build expects (after migration).
 * Returns a reason when it does not, so the caller can move the file aside.
 */
export function checkMetadataShape(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not a JSON object'
  const candidate = data as Partial<MetadataData>
  if (candidate.schemaVersion !== CURRENT_SCHEMA_VERSION) return `its schema version is ${String(candidate.schemaVersion)}`
  if (typeof candidate.posts !== 'object' || candidate.posts === null || Array.isArray(candidate.posts)) return 'it has no post table'
  for (const [id, record] of Object.entries(candidate.posts)) {
    if (!isRecord(record) || record.id !== id) return `the entry ${JSON.stringify(id).slice(0, 60)} is malformed`
  }
  return null
}

function isRecord(value: unknown): value is PostRecord {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return typeof r.id === 'string' && typeof r.path === 'string' && typeof r.title === 'string' &&
    typeof r.hash === 'string' && typeof r.date === 'string' && Array.isArray(r.categories) && Array.isArray(r.tags) &&
    typeof r.size === 'number' && typeof r.mtimeMs === 'number' && Array.isArray(r.warnings)
}
