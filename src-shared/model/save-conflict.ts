import type { PostDocument } from './post'
import type { Failure, Result } from './results'

/**
 * A save that was not written because the file on disk is not the version the editor
 * started from: another program changed it. Both sides are kept: the editor still
 * has its text, and `disk` is what the file holds now.
 */
export interface SaveConflict extends Failure {
  reason: 'conflict'
  /** The version on disk now; save over it by passing `disk.hash` as the base. */
  disk: PostDocument
  /**
   * The editor's text and the disk's text merged line by line against the version the
   * editor started from (a three-way merge), when the two sets of changes do not touch
   * the same lines; null when they do, or when that version is no longer known.
   */
  merged: string | null
}

/**
 * A save that was not written because the post's file is gone: deleted, or moved or
 * renamed by another program while it was open. The editor keeps the text; the UI
 * offers `vault.recreatePost` at the same path or another one.
 */
export interface PostMissing extends Failure {
  reason: 'missing'
  /** Where a file with the same bytes as the version the editor started from is now, when Lemma saw it move. */
  movedTo: string | null
}

/**
 * What a save, a backup restore or a history restore returns: the saved document, a
 * {@link SaveConflict} with both sides, a {@link PostMissing}, or another failure
 * (`io-error` for a full disk or a read-only file, `no-vault` for an unplugged folder),
 * whose message says that the editor still has the text.
 */
export type SaveResult = Result<{ document: PostDocument }> | SaveConflict | PostMissing
