import { mkdir, open, stat, unlink } from 'node:fs/promises'
import { failure, type Result } from '../../src-shared/model/results'
import { writeFileAtomic } from './atomic-write'
import { fileNameFromTitle, uniqueFileName } from './file-names'
import { ioFailure } from './io-failure'
import { defaultPostTemplate } from './post-template'
import { encodeText, hashBytes, type LineEnding } from './text-codec'
import { resolveInVault } from './vault-paths'

/** A post just created by {@link createPostFile}. */
export interface CreatedPost {
  /** Vault-relative path with `/` separators. */
  relative: string
  text: string
  lineEnding: LineEnding
  hasBom: boolean
  hash: string
  size: number
  mtimeMs: number
  birthtimeMs: number
}

/**
 * Creates a post titled `title` in the vault folder `folderRel` (`''` is the root;
 * created if missing). The file name comes from {@link fileNameFromTitle}, made unique
 * by {@link uniqueFileName}; the content is `template` as given (no placeholders) or
 * {@link defaultPostTemplate}, with `\n` line endings and no BOM. The name is claimed
 * with an exclusive create, so a file appearing at the same moment is never
 * overwritten, then filled atomically; a failure removes the claim.
 */
export async function createPostFile(
  root: string,
  folderRel: string,
  title: string,
  template?: string,
): Promise<Result<CreatedPost>> {
  const folder = await resolveInVault(root, folderRel)
  if (!folder.ok) return folder
  try {
    await mkdir(folder.absolute, { recursive: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return failure('io-error', `"${folder.relative}" is a file, not a folder`)
    return ioFailure(error, folder.relative, 'create')
  }
  const text = template ?? defaultPostTemplate(title, new Date())
  const bytes = encodeText(text, '\n', false)
  for (let attempt = 0; attempt < 5; attempt++) {
    const name = await uniqueFileName(folder.absolute, fileNameFromTitle(title))
    const target = await resolveInVault(root, folder.relative === '' ? name : `${folder.relative}/${name}`)
    if (!target.ok) return target
    try {
      await (await open(target.absolute, 'wx')).close()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue
      return ioFailure(error, target.relative, 'create')
    }
    try {
      await writeFileAtomic(target.absolute, bytes)
      const { mtimeMs, birthtimeMs } = await stat(target.absolute)
      const created = { relative: target.relative, text, lineEnding: '\n' as const, hasBom: false }
      return { ok: true, ...created, hash: hashBytes(bytes), size: bytes.length, mtimeMs, birthtimeMs }
    } catch (error) {
      await unlink(target.absolute).catch(() => {})
      return ioFailure(error, target.relative, 'create')
    }
  }
  const where = folder.relative === '' ? 'the vault' : `"${folder.relative}"`
  return failure('exists', `Could not find a free file name for "${title}" in ${where}`)
}
