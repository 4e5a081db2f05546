import { lstat } from 'node:fs/promises'
import { failure, type Result } from '../../src-shared/model/results'
import { ioFailure } from './io-failure'
import { resolvePostPath } from './post-path'

/**
 * Moves the post at `relPath` to the trash with `trash` (Electron's
 * `shell.trashItem` in the app; this module stays free of Electron). A symbolic
 * link is trashed itself, not its target. Fails with `missing` when there is no
 * such file and `io-error` when it is a folder or the trash refuses.
 */
export async function deletePostFile(
  root: string,
  relPath: string,
  trash: (absolute: string) => Promise<void>,
): Promise<Result<object>> {
  const resolved = await resolvePostPath(root, relPath)
  if (!resolved.ok) return resolved
  try {
    const stats = await lstat(resolved.absolute)
    if (stats.isDirectory()) return failure('io-error', `"${resolved.relative}" is a folder, not a post`)
  } catch (error) {
    return ioFailure(error, resolved.relative, 'delete')
  }
  try {
    await trash(resolved.absolute)
  } catch (error) {
    return failure('io-error', `Could not move "${resolved.relative}" to the trash: ${(error as Error).message}`)
  }
  return { ok: true }
}
