import { open, readFile, stat } from 'node:fs/promises'
import { failure, type Result } from '../../src-shared/model/results'
import { writeFileAtomic } from './atomic-write'
import { ioFailure } from './io-failure'
import { resolvePostPath } from './post-path'
import { decodeText, encodeText, hashBytes, type LineEnding } from './text-codec'

/** A post file as read from disk: its bytes, decoded text and version facts. */
export interface PostFile {
  bytes: Buffer
  /** The text with `\n` line endings and no BOM. */
  text: string
  lineEnding: LineEnding
  hasBom: boolean
  /** False when the bytes are not valid UTF-8; {@link writePostFile} then refuses to overwrite them. */
  isUtf8: boolean
  /** sha-256 of `bytes`: pass it back as `expectedHash` when saving. */
  hash: string
  size: number
  mtimeMs: number
  birthtimeMs: number
  /** Vault-relative path with `/` separators. */
  relative: string
}

/** How {@link writePostFile} encodes and guards a save. */
export interface WriteOptions {
  lineEnding: LineEnding
  hasBom: boolean
  /** The hash the editor started from; null saves whatever is on disk (a forced save or a new file). */
  expectedHash: string | null
}

/** What {@link writePostFile} left on disk. */
export interface WrittenPost {
  hash: string
  size: number
  mtimeMs: number
  birthtimeMs: number
  /** True when the text matched the disk, so nothing was written and the mtime is untouched. */
  isUnchanged: boolean
}

/** Reads the post at `relPath` (checked by {@link resolvePostPath}); `missing` when it is not there. */
export async function readPostFile(root: string, relPath: string): Promise<Result<PostFile>> {
  const resolved = await resolvePostPath(root, relPath)
  if (!resolved.ok) return resolved
  try {
    const handle = await open(resolved.absolute, 'r')
    try {
      const stats = await handle.stat()
      if (!stats.isFile()) return failure('io-error', `"${resolved.relative}" is not a file`)
      const bytes = await handle.readFile()
      return {
        ok: true,
        bytes,
        ...decodeText(bytes),
        hash: hashBytes(bytes),
        size: bytes.length,
        mtimeMs: stats.mtimeMs,
        birthtimeMs: stats.birthtimeMs,
        relative: resolved.relative,
      }
    } finally {
      await handle.close()
    }
  } catch (error) {
    return ioFailure(error, resolved.relative, 'read')
  }
}

/**
 * Saves `text` (with `\n` line endings) to the post at `relPath`, encoded with the
 * given line ending and BOM. Fails with `conflict`, writing nothing, when the file
 * on disk is no longer the version whose hash is `expectedHash` (or was deleted).
 * Writes nothing either when the text equals what is on disk, so an unchanged save
 * keeps the bytes and mtime. Refuses to overwrite a file that is not UTF-8, since
 * its decoded text has already lost bytes. Otherwise writes atomically
 * ({@link writeFileAtomic}): a failed save leaves the old file whole.
 */
export async function writePostFile(
  root: string,
  relPath: string,
  text: string,
  options: WriteOptions,
): Promise<Result<WrittenPost>> {
  const resolved = await resolvePostPath(root, relPath)
  if (!resolved.ok) return resolved
  const { relative, absolute } = resolved
  let current: Buffer | null
  try {
    current = await readFile(absolute)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return ioFailure(error, relative, 'save')
    current = null
  }
  if (options.expectedHash !== null) {
    if (current === null) return failure('conflict', `"${relative}" was deleted or moved since you opened it`)
    if (hashBytes(current) !== options.expectedHash) {
      return failure('conflict', 'The file changed on disk since you opened it')
    }
  }
  const bytes = encodeText(text, options.lineEnding, options.hasBom)
  if (current !== null) {
    if (current.equals(bytes)) return stats(absolute, relative, current, true)
    const decoded = decodeText(current)
    // A file with mixed line endings decodes to the same text but encodes differently: leave it alone.
    if (decoded.text === text && decoded.lineEnding === options.lineEnding && decoded.hasBom === options.hasBom) {
      return stats(absolute, relative, current, true)
    }
    if (!decoded.isUtf8) {
      return failure('io-error', `"${relative}" is not UTF-8 text; Lemma does not overwrite it, to avoid damaging it`)
    }
  }
  try {
    await writeFileAtomic(absolute, bytes)
  } catch (error) {
    return ioFailure(error, relative, 'save')
  }
  return stats(absolute, relative, bytes, false)
}

async function stats(absolute: string, relative: string, bytes: Buffer, isUnchanged: boolean): Promise<Result<WrittenPost>> {
  try {
    const info = await stat(absolute)
    const { mtimeMs, birthtimeMs } = info
    return { ok: true, hash: hashBytes(bytes), size: bytes.length, mtimeMs, birthtimeMs, isUnchanged }
  } catch (error) {
    return ioFailure(error, relative, 'save')
  }
}

export { createPostFile, type CreatedPost } from './create-post-file'
export { deletePostFile } from './delete-post-file'
export { renamePostFile } from './rename-post-file'
