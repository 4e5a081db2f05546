/** A sync tool's conflict copy recognised by its file name. */
export interface ConflictCopy {
  /** Vault-relative path of the post it is a copy of (which may or may not exist). */
  original: string
  /** The tool whose naming matched, for messages. */
  tool: string
}

const PATTERNS: Array<{ tool: string; pattern: RegExp }> = [
  // Dropbox: "note (conflicted copy).md", "note (Ana's conflicted copy 2024-01-02).md", "note (Case Conflict).md"
  { tool: 'Dropbox', pattern: /^(.+?) \((?:[^()]*'s )?(?:conflicted copy[^()]*|Case Conflict(?: \d+)?)\)(\.[^.]+)$/i },
  // Nextcloud / ownCloud desktop: "note (conflicted copy 2024-01-02 101500).md", "note_conflict-20240102-101500.md"
  { tool: 'Nextcloud', pattern: /^(.+?)_conflict-\d{8}-\d{6}(\.[^.]+)$/i },
  // Syncthing: "note.sync-conflict-20240102-101500-ABCDEFG.md"
  { tool: 'Syncthing', pattern: /^(.+?)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?(\.[^.]+)$/i },
  // Seafile: "note (SFConflict ana@example.com 2024-01-02-10-15-00).md"
  { tool: 'Seafile', pattern: /^(.+?) \(SFConflict [^()]*\)(\.[^.]+)$/i },
  // Resilio Sync and Obsidian-style plugins: "note.Conflict.md", "note (Conflict).md"
  { tool: 'a sync tool', pattern: /^(.+?)(?:\.Conflict| \(Conflict(?: \d+)?\))(\.[^.]+)$/ },
]

/**
 * Recognises the names sync tools give conflict copies, so that such a file is
 * indexed as a post but flagged: Dropbox `note (conflicted copy).md`, Syncthing
 * `note.sync-conflict-20240102-101500-ABCDEFG.md`, Nextcloud `note_conflict-…md`,
 * Seafile `note (SFConflict …).md` and `note.Conflict.md`. Names that only might be
 * copies (`note 2.md`, `note (1).md`) are not flagged. Returns null for other names.
 */
export function detectConflictCopy(relativePath: string): ConflictCopy | null {
  const slash = relativePath.lastIndexOf('/')
  const dir = relativePath.slice(0, slash + 1)
  const name = relativePath.slice(slash + 1)
  for (const { tool, pattern } of PATTERNS) {
    const match = pattern.exec(name)
    if (match) return { original: dir + match[1] + match[2], tool }
  }
  return null
}
