import type { Dirent } from 'node:fs'
import { lstat, readdir, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'

/** Temp files younger than this may belong to a write still under way and are left alone. */
export const STALE_TEMP_AGE_MS = 60_000

/** What {@link cleanStaleTempFiles} did, as paths relative to the folder it cleaned. */
export interface TempCleanup {
  removed: string[]
  /** Files a crash left under a rename's intermediate name, moved back to their own name. */
  restored: string[]
}

/** The temp-file names Lemma's writers leave behind when a crash interrupts them. */
export type TempKind = 'atomic-write' | 'json-temp' | 'rename-step'

// write-file-atomic: `<file>.<uint32>` (see its getTmpname: sha1(…).readUInt32BE(0) in decimal).
const ATOMIC_WRITE = /^(.+)\.(\d{1,10})$/
// lowdb's steno and DurableJsonFile: `.<file>.tmp`; recreatePostFile: `.<file>.<uint32>.tmp`.
const JSON_TEMP = /^\.(.+?)(?:\.\d{1,10})?\.tmp$/
// renamePostFile's case-only renames: `<file>.lemma-rename-<pid>-<ms>`.
const RENAME_STEP = /^(.+)\.lemma-rename-\d+-\d+$/

/**
 * Classifies a file name as one of Lemma's temp files, given the other names in its
 * folder: a match needs the exact pattern AND the real file it belongs to next to
 * it (for `.db.json.tmp`, `db.json` or `db.json.bak`), so that a user's
 * `chapter.2` with no `chapter` beside it is never touched. Rename steps are the
 * exception: their real name is free by construction. `newFileNames` matches names of
 * files that Lemma creates fresh (history snapshots, backups), whose temp file may
 * have no real file beside it yet. Returns the kind and the real file's name, or null.
 */
export function classifyTempName(
  name: string,
  siblings: ReadonlySet<string>,
  newFileNames?: RegExp,
): { kind: TempKind; target: string } | null {
  const step = RENAME_STEP.exec(name)
  if (step) return { kind: 'rename-step', target: step[1] }
  const atomic = ATOMIC_WRITE.exec(name)
  if (atomic && Number(atomic[2]) <= 0xffffffff && (siblings.has(atomic[1]) || newFileNames?.test(atomic[1]) === true)) {
    return { kind: 'atomic-write', target: atomic[1] }
  }
  const json = JSON_TEMP.exec(name)
  if (json && (siblings.has(json[1]) || siblings.has(`${json[1]}.bak`))) return { kind: 'json-temp', target: json[1] }
  return null
}

/** Options of {@link cleanStaleTempFiles}. */
export interface CleanupOptions {
  /** Default {@link STALE_TEMP_AGE_MS}. */
  olderThanMs?: number
  /** The current time, for tests. */
  now?: number
  /** See {@link classifyTempName}. */
  newFileNames?: RegExp
}

/**
 * Removes the temp files that a crash or a kill left in `root` (recursively,
 * skipping dot-folders other than `.lemma`, and `node_modules`): write-file-atomic's
 * `<file>.<number>` and lowdb's `.<file>.tmp`, only when older than `olderThanMs`
 * and next to their real file (see {@link classifyTempName}). Never deletes a
 * Markdown file's only copy: a `<file>.lemma-rename-…` step file is renamed back to
 * `<file>` when that name is free, and left alone otherwise. Errors are ignored: this
 * is housekeeping.
 */
export async function cleanStaleTempFiles(root: string, options: CleanupOptions = {}): Promise<TempCleanup> {
  const olderThan = options.olderThanMs ?? STALE_TEMP_AGE_MS
  const now = options.now ?? Date.now()
  const result: TempCleanup = { removed: [], restored: [] }
  const pending: Array<{ absolute: string; relative: string }> = [{ absolute: root, relative: '' }]
  while (pending.length > 0) {
    const folder = pending.pop()!
    let entries: Dirent[]
    try {
      entries = await readdir(folder.absolute, { withFileTypes: true })
    } catch {
      continue
    }
    const names = new Set(entries.map((entry) => entry.name))
    for (const entry of entries) {
      const absolute = join(folder.absolute, entry.name)
      const relative = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`
      if (entry.isDirectory()) {
        const isSkipped = (entry.name.startsWith('.') && !(folder.relative === '' && entry.name === '.lemma')) || entry.name === 'node_modules'
        if (!isSkipped) pending.push({ absolute, relative })
        continue
      }
      if (!entry.isFile()) continue
      const temp = classifyTempName(entry.name, names, options.newFileNames)
      if (!temp) continue
      try {
        const stats = await lstat(absolute)
        if (now - stats.mtimeMs < olderThan) continue
        if (temp.kind === 'rename-step') {
          if (names.has(temp.target)) continue
          await rename(absolute, join(folder.absolute, temp.target))
          names.add(temp.target)
          result.restored.push(relative)
        } else {
          await unlink(absolute)
          result.removed.push(relative)
        }
      } catch {
        // Vanished or not ours to touch; the next open tries again.
      }
    }
  }
  return result
}
