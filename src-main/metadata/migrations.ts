import { flagConflictCopy } from './post-record'
import { toPostColumns } from './post-columns'
import { CURRENT_SCHEMA_VERSION, type PostRecord } from './schema'

/**
 * Upgrades from one schema version to the next, keyed by the version they upgrade
 * from. Each step takes the parsed JSON of version N and returns version N + 1.
 * Version 0 is a db.json written before versions existed: a bare `{posts}` table.
 */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  0: (data) => ({ ...data, schemaVersion: 1, posts: typeof data.posts === 'object' && data.posts !== null ? data.posts : {} }),
  // Version 2 flags sync tools' conflict copies, which depends on the path only.
  1: (data) => ({ ...data, schemaVersion: 2, posts: mapRecords(data.posts, flagConflictCopy) }),
  // Version 3 stores the records keyed by id as columns (see post-columns.ts); a malformed table stays as it is, to fail the check.
  2: (data) => ({ ...data, schemaVersion: 3, posts: keyedToColumns(data.posts) }),
}

/**
 * Brings parsed db.json content up to {@link CURRENT_SCHEMA_VERSION}. Returns null
 * when that is impossible (written by a newer Lemma, or a version with no path up),
 * in which case the caller rebuilds from the files.
 */
export function migrateMetadata(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data
  let current = data as Record<string, unknown>
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : 0
  if (version > CURRENT_SCHEMA_VERSION) return null
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = migrations[version]
    if (!step) return null
    current = step(current)
    version = current.schemaVersion as number
  }
  return current
}

function isRecordLike(record: unknown): record is PostRecord {
  return typeof record === 'object' && record !== null && typeof (record as PostRecord).path === 'string' && Array.isArray((record as PostRecord).warnings)
}

function mapRecords(posts: unknown, map: (record: PostRecord) => PostRecord): unknown {
  if (typeof posts !== 'object' || posts === null || Array.isArray(posts)) return posts
  const out: Record<string, unknown> = {}
  for (const [id, record] of Object.entries(posts)) out[id] = isRecordLike(record) ? map(record) : record
  return out
}

function keyedToColumns(posts: unknown): unknown {
  if (typeof posts !== 'object' || posts === null || Array.isArray(posts)) return posts
  const entries = Object.entries(posts)
  if (!entries.every(([id, record]) => isRecordLike(record) && record.id === id)) return posts
  return toPostColumns(entries.map(([, record]) => record as PostRecord))
}
