import type { LemmaApi } from '../../../src-shared/ipc/contract'
import type { PostDocument } from '../../../src-shared/model/post'
import type { FailureReason } from '../../../src-shared/model/results'
import type { SaveConflict } from '../../../src-shared/model/save-conflict'

/** The vault calls a `DocumentSession` makes. */
export type DocumentVault = Pick<LemmaApi['vault'], 'readPost' | 'savePost' | 'recreatePost'>

/**
 * Where saving stands. A conflict, a missing file or a failure keeps the text and
 * waits for the person.
 */
export type SaveState =
  | { type: 'idle' }
  | { type: 'saving' }
  /** Another program changed the file; `conflict` holds its version and a clean merge (null when the vault sent no details). */
  | { type: 'conflict'; conflict: SaveConflict | null }
  /** The file was deleted or moved away by another program; `message` is main's explanation when a save found out. */
  | { type: 'missing'; message: string | null }
  | { type: 'failed'; message: string }

/** An immutable picture of the open post, for rendering. */
export interface DocumentSnapshot {
  /** The post shown or being opened; null when none is. */
  path: string | null
  /** The version last read or saved: its hash is the base of the next save. */
  document: PostDocument | null
  /** Bumped whenever the editor must take `document.text`; `loadKind` says how. */
  loadId: number
  /** See {@link LoadKind}. */
  loadKind: LoadKind
  isLoading: boolean
  /** Why the post at `path` could not be opened. */
  loadError: string | null
  /** Whether the editor holds text that is not on disk. */
  isDirty: boolean
  save: SaveState
}

/**
 * How the editor takes a loaded text: `open` starts a fresh editor state, `reload`
 * replaces the text in place outside the undo history (the file changed on disk),
 * `replace` replaces it in place as one undoable step (a conflict resolved, a version
 * restored), so Ctrl+Z brings back what was there.
 */
export type LoadKind = 'open' | 'reload' | 'replace'

/** How `DocumentSession.restoreVersion` ended; `unsaved` when the open text could not be saved first. */
export type RestoreOutcome = { ok: true } | { ok: false; reason: FailureReason | 'unsaved'; message: string }

/** How `DocumentSession.open` ended. */
export type OpenOutcome =
  | { ok: true }
  | { ok: false; reason: 'unsaved' | 'superseded' | 'failed'; message: string }

/** Anything whose `toString()` is the editor's text (a CodeMirror `Text`, or a string). */
export interface TextSource {
  toString(): string
}
