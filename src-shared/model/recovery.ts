/**
 * An unsaved edit backed up outside the vault (in the app's userData) shortly after
 * typing stopped. Listed at the next start so that nothing typed is lost to a crash.
 */
export interface BackupEntry {
  /** Opaque id for `recovery.read`, `recovery.restore` and `recovery.discard`. */
  id: string
  /** Vault-relative path of the post the text belongs to. */
  path: string
  /** Hash of the version the editor started from; a restore saves over that version only. */
  baseHash: string
  /** When the backup was written (ms since the epoch). */
  savedAtMs: number
  /** Length of the backed-up text in characters. */
  length: number
  /** The first characters of the text, for a list. */
  preview: string
}
