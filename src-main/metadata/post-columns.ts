import type { PostRecord } from './schema'

/**
 * db.json's post table since schema version 3: one array per {@link PostRecord}
 * field, entry `i` of every array describing post `i`; an absent optional field is
 * `null`. Field names are written once instead of once per post (a fifth of the
 * file), and `JSON.parse` builds sixteen arrays faster than ten thousand objects.
 */
export type PostColumns = {
  [K in keyof PostRecord]-?: Array<undefined extends PostRecord[K] ? Exclude<PostRecord[K], undefined> | null : PostRecord[K]>
}

type ColumnKind = 'string' | 'number' | 'boolean' | 'array' | 'string-or-null'

/** What each column holds; checking an entry's kind costs a `typeof`, not a walk of the post. */
const COLUMN_KINDS: { [K in keyof PostRecord]-?: ColumnKind } = {
  id: 'string',
  path: 'string',
  title: 'string',
  date: 'string',
  updated: 'string',
  categories: 'array',
  tags: 'array',
  isDraft: 'boolean',
  excerpt: 'string',
  wordCount: 'number',
  links: 'array',
  warnings: 'array',
  conflictCopyOf: 'string-or-null',
  mtimeMs: 'number',
  size: 'number',
  hash: 'string',
}

const FIELDS = Object.keys(COLUMN_KINDS) as Array<keyof PostRecord>

/** The columns of `records`, in their order. */
export function toPostColumns(records: Iterable<PostRecord>): PostColumns {
  const columns = emptyPostColumns()
  for (const record of records) {
    columns.id.push(record.id)
    columns.path.push(record.path)
    columns.title.push(record.title)
    columns.date.push(record.date)
    columns.updated.push(record.updated)
    columns.categories.push(record.categories)
    columns.tags.push(record.tags)
    columns.isDraft.push(record.isDraft)
    columns.excerpt.push(record.excerpt)
    columns.wordCount.push(record.wordCount)
    columns.links.push(record.links)
    columns.warnings.push(record.warnings)
    columns.conflictCopyOf.push(record.conflictCopyOf ?? null)
    columns.mtimeMs.push(record.mtimeMs)
    columns.size.push(record.size)
    columns.hash.push(record.hash)
  }
  return columns
}

/**
 * The records in columns already checked by {@link checkPostColumns}. The records
 * share the columns' strings and arrays: nothing is copied.
 */
export function fromPostColumns(columns: PostColumns): PostRecord[] {
  const records: PostRecord[] = new Array(columns.id.length)
  for (let i = 0; i < records.length; i++) {
    const record: PostRecord = {
      id: columns.id[i],
      path: columns.path[i],
      title: columns.title[i],
      date: columns.date[i],
      updated: columns.updated[i],
      categories: columns.categories[i],
      tags: columns.tags[i],
      isDraft: columns.isDraft[i],
      excerpt: columns.excerpt[i],
      wordCount: columns.wordCount[i],
      links: columns.links[i],
      warnings: columns.warnings[i],
      mtimeMs: columns.mtimeMs[i],
      size: columns.size[i],
      hash: columns.hash[i],
    }
    const copyOf = columns.conflictCopyOf[i]
    if (copyOf !== null) record.conflictCopyOf = copyOf
    records[i] = record
  }
  return records
}

/** Columns of no post. */
export function emptyPostColumns(): PostColumns {
  return Object.fromEntries(FIELDS.map((field) => [field, []])) as unknown as PostColumns
}

/**
 * Checks parsed JSON for the shape of {@link PostColumns}: every column present, as
 * long as the others, each entry of the right kind. Returns why it is unusable, or
 * null. Nested arrays (tags, warnings) are not looked into, nor are ids checked for
 * repeats (the store keeps the first).
 */
export function checkPostColumns(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it has no post table'
  const table = value as Record<string, unknown>
  const ids = table.id
  if (!Array.isArray(ids)) return 'its post table has no id column'
  for (const field of FIELDS) {
    const column = table[field]
    if (!Array.isArray(column) || column.length !== ids.length) return `its ${field} column is missing or of the wrong length`
    const index = firstEntryNotOfKind(column, COLUMN_KINDS[field])
    if (index !== -1) return `the ${field} of post ${index} is malformed`
  }
  return null
}

function firstEntryNotOfKind(column: unknown[], kind: ColumnKind): number {
  for (let i = 0; i < column.length; i++) {
    const entry = column[i]
    const isOfKind = kind === 'array' ? Array.isArray(entry)
      : kind === 'string-or-null' ? entry === null || typeof entry === 'string'
      : typeof entry === kind
    if (!isOfKind) return i
  }
  return -1
}
