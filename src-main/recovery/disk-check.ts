import { stat } from 'node:fs/promises'
import { failure, type Failure } from '../../src-shared/model/results'
import type { PostRecord } from '../metadata/schema'
import { ioFailure } from '../vault/io-failure'
import { readPostFile, type PostFile } from '../vault/post-files'
import type { LineEnding } from '../vault/text-codec'

/** How a file is encoded, restored on save. */
export interface FileFormat {
  lineEnding: LineEnding
  hasBom: boolean
}

/** What {@link checkDisk} found compared with the version the editor started from. */
export type DiskState =
  /** The disk holds the base version (`file` is set when it had to be read to know). */
  | { state: 'base'; format: FileFormat | null; file: PostFile | null }
  /** The disk holds another version: someone else wrote it. */
  | { state: 'changed'; file: PostFile }
  /** Nothing is at the path any more. */
  | { state: 'missing' }
  /** The vault folder itself cannot be reached. */
  | { state: 'unavailable' }
  | { state: 'failed'; failure: Failure }

/**
 * Compares the file at `relative` with the version hashing to `baseHash`, cheaply
 * first: when its size and mtime are those of `known` (the store's record, updated at
 * every read, save and watched change) and `known.hash` is the base, the disk is the
 * base without reading it. Otherwise the file is read and hashed, so a touch or an
 * identical rewrite (same bytes, new mtime) is never a conflict, and any other bytes
 * always are.
 */
export async function checkDisk(
  root: string,
  absolute: string,
  relative: string,
  baseHash: string,
  known: { record: PostRecord | undefined; format: FileFormat | undefined },
): Promise<DiskState> {
  let size: number
  let mtimeMs: number
  try {
    ;({ size, mtimeMs } = await stat(absolute))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return (await isReachable(root)) ? { state: 'missing' } : { state: 'unavailable' }
    if (code === 'EIO' && !(await isReachable(root))) return { state: 'unavailable' }
    return { state: 'failed', failure: ioFailure(error, relative, 'save') }
  }
  const { record, format } = known
  if (record && format && record.hash === baseHash && record.size === size && record.mtimeMs === mtimeMs) {
    return { state: 'base', format, file: null }
  }
  const read = await readPostFile(root, relative)
  if (!read.ok) {
    if (read.reason === 'missing') return (await isReachable(root)) ? { state: 'missing' } : { state: 'unavailable' }
    return { state: 'failed', failure: read }
  }
  if (read.hash === baseHash) return { state: 'base', format: { lineEnding: read.lineEnding, hasBom: read.hasBom }, file: read }
  return { state: 'changed', file: read }
}

/** The failure for a vault folder that cannot be reached, saying that nothing typed is lost. */
export function unavailableFailure(root: string): Failure {
  return failure('no-vault', `The folder ${root} cannot be reached (was a disk unplugged or a network share lost?). Nothing was written; your text is still in the editor. Save again once the folder is back.`)
}

async function isReachable(root: string): Promise<boolean> {
  try {
    return (await stat(root)).isDirectory()
  } catch {
    return false
  }
}
