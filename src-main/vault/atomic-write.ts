import { open } from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomicCallback from 'write-file-atomic'

/**
 * Replaces the file at `absolute` with `bytes` so that readers (and a crash) see the
 * old file or the new one, never a mix: `write-file-atomic` writes a temporary
 * `<file>.<number>` in the same folder, fsyncs it, copies the old file's mode and
 * owner, and renames it over the target (through a symbolic link, to its target).
 * The folder is then fsynced so the rename itself survives a power cut (not on
 * Windows, where folders cannot be opened). Rejects with the file-system error.
 */
export async function writeFileAtomic(absolute: string, bytes: Buffer): Promise<void> {
  await writeFileAtomicCallback(absolute, bytes, { fsync: true })
  if (process.platform !== 'win32') await syncFolder(path.dirname(absolute))
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some file systems (network shares, FUSE) refuse to fsync folders; the data is already written.
  }
}
