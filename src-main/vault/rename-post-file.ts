import { lstat, readdir, rename } from 'node:fs/promises'
import path from 'node:path'
import { failure, type Result } from '../../src-shared/model/results'
import { fileNameKey, validateFileName } from './file-names'
import { ioFailure } from './io-failure'
import { resolvePostPath } from './post-path'
import { resolveInVault } from './vault-paths'

/**
 * Renames the post at `relPath` to `newName` in the same folder. The name is
 * checked by {@link validateFileName} (`.md` added when missing). Fails with `exists`
 * when another file has the name ignoring case and Unicode normalisation, as it
 * would clash on macOS and Windows; a change of case alone is allowed and done in
 * two steps so case-insensitive disks apply it. The check and the rename are not
 * one atomic step: a file created in between can still be replaced.
 */
export async function renamePostFile(root: string, relPath: string, newName: string): Promise<Result<{ relative: string }>> {
  const source = await resolvePostPath(root, relPath)
  if (!source.ok) return source
  const valid = validateFileName(newName)
  if (!valid.ok) return valid
  const slash = source.relative.lastIndexOf('/')
  const folderRel = slash === -1 ? '' : source.relative.slice(0, slash)
  const sourceName = source.relative.slice(slash + 1)
  const target = await resolveInVault(root, folderRel === '' ? valid.name : `${folderRel}/${valid.name}`)
  if (!target.ok) return target
  try {
    await lstat(source.absolute)
    if (valid.name === sourceName) return { ok: true, relative: source.relative }
    const names = await readdir(path.dirname(source.absolute))
    const clash = names.find((name) => name !== sourceName && fileNameKey(name) === fileNameKey(valid.name))
    if (clash !== undefined) return failure('exists', `"${clash}" already exists in this folder`)
    if (fileNameKey(sourceName) === fileNameKey(valid.name)) {
      const step = `${source.absolute}.lemma-rename-${process.pid}-${Date.now()}`
      await rename(source.absolute, step)
      await rename(step, target.absolute).catch(async (error) => {
        await rename(step, source.absolute).catch(() => {})
        throw error
      })
    } else {
      await rename(source.absolute, target.absolute)
    }
  } catch (error) {
    return ioFailure(error, source.relative, 'rename')
  }
  return { ok: true, relative: target.relative }
}
