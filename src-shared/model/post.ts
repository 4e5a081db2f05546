/**
 * Plain, serializable descriptions of posts as they cross the process boundary.
 * Paths are always vault-relative with `/` separators, whatever the OS.
 */

/** A problem found while reading a post that does not stop it from being listed. */
export interface PostWarning {
  /** `conflict-copy`: the file is a sync tool's conflict copy (see {@link PostSummary.conflictCopyOf}). */
  type: 'invalid-front-matter' | 'invalid-date' | 'invalid-field' | 'conflict-copy'
  /** A human-readable sentence shown next to the post. */
  message: string
}

/** What the sidebar and the feed know about a post, taken from the metadata store. */
export interface PostSummary {
  /** Stable id that survives renames and moves done through Lemma. */
  id: string
  /** Vault-relative path with `/` separators, e.g. `algo/two-pointers.md`. */
  path: string
  title: string
  /** ISO 8601 date written (`date` front matter, else the file's birth time). */
  date: string
  /** ISO 8601 date of the last update (`updated`/`lastmod`, else the file's mtime). */
  updated: string
  /** Each category is a path from the root of a hierarchy, e.g. `[['Math', 'Probability']]`. */
  categories: string[][]
  tags: string[]
  isDraft: boolean
  /** Plain-text excerpt (the feed renders it); may contain math delimiters. */
  excerpt: string
  /** Chinese characters counted one by one, Latin words by whitespace-separated runs. */
  wordCount: number
  /** Link targets as written in the post (wiki titles and relative Markdown paths). */
  links: string[]
  warnings: PostWarning[]
  /**
   * Set when the file name says a sync tool (Dropbox, Syncthing, Nextcloud, …) made
   * it as a conflict copy: the vault-relative path of the post it is a copy of.
   */
  conflictCopyOf?: string
  mtimeMs: number
  size: number
}

/** A post opened for editing. */
export interface PostDocument {
  summary: PostSummary
  /** The text with line endings normalised to `\n` and any BOM removed. */
  text: string
  /** sha-256 (hex) of the bytes on disk when this document was read. */
  hash: string
  /** The line ending the file uses, restored on save. */
  lineEnding: '\n' | '\r\n'
  hasBom: boolean
}
