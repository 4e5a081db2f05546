/**
 * A post changed by another program (an editor, `git checkout`, a sync tool), pushed
 * in the `postsChangedOnDisk` event so an open editor can react: reload in place when
 * it has no unsaved edits, or offer the conflict view when it has.
 *
 * Lemma's own saves are never reported: it recognises them by content hash.
 */
export type DiskChange =
  /** The file at `path` now holds other bytes, whose sha-256 is `hash`. */
  | { type: 'changed'; path: string; hash: string }
  /** The file at `path` is gone and no file with the same bytes appeared elsewhere. */
  | { type: 'removed'; path: string }
  /** The file at `from` was moved or renamed to `to` (recognised by its unchanged bytes). */
  | { type: 'moved'; from: string; to: string; hash: string }
