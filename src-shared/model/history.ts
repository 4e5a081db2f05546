/** One saved version of a post kept in `<vault>/.lemma/history`. */
export interface HistoryEntry {
  /** Opaque id, unique within the post's history. */
  id: string
  /** Vault-relative path of the post the version belongs to. */
  path: string
  /** When the version was saved (ms since the epoch). */
  savedAtMs: number
  /** sha-256 (hex) of the version's bytes. */
  hash: string
  /** Size in bytes. */
  size: number
}

/** A part of a line diff between two versions, for display. */
export interface DiffPart {
  type: 'same' | 'added' | 'removed'
  /** Whole lines, each ending in `\n` except possibly the last of the text. */
  text: string
  lineCount: number
}

/** Bounds of local history; older or surplus versions are removed, oldest first. */
export interface HistorySettings {
  /** Versions older than this many days are removed (the newest version of a post is kept). */
  maxAgeDays: number
  /** The whole history folder is kept under this many megabytes. */
  maxTotalMegabytes: number
}
