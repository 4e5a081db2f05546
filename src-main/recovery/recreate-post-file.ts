import { randomBytes } from 'node:crypto'
import { link, mkdir, open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { failure, type Result } from '../../src-shared/model/results'
import { syncFolder } from '../metadata/durable-json-file'
import { ioFailure } from '../vault/io-failure'
import { resolvePostPath } from '../vault/post-path'
import { hashBytes } from '../vault/text-codec'

/** What {@link recreatePostFile} wrote. */
export interface RecreatedFile {
  relative: string
  hash: string
  size: number
  mtimeMs: number
  birthtimeMs: number
}

/**
 * Writes `bytes` as a new post at `relPath`, creating missing folders: how a post
 * deleted or moved while it was open is saved again, at its old path or a new one.
 * Never overwrites (`exists` when something is there) and never leaves an empty or
 * partial post: the bytes go to a fsynced temp file that is then hard-linked to the
 * name, which fails if the name was taken meanwhile. Where hard links are not
 * supported (FAT, some network shares) the name is claimed with an exclusive create
 * and the temp file renamed over the claim.
 */
export async function recreatePostFile(root: string, relPath: string, bytes: Buffer): Promise<Result<RecreatedFile>> {
  const target = await resolvePostPath(root, relPath)
  if (!target.ok) return target
  const folder = dirname(target.absolute)
  const temp = join(folder, `.${basename(target.absolute)}.${randomBytes(4).readUInt32BE(0)}.tmp`)
  try {
    await mkdir(folder, { recursive: true })
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await publish(temp, target.absolute)
    await syncFolder(folder)
    const { mtimeMs, birthtimeMs } = await stat(target.absolute)
    return { ok: true, relative: target.relative, hash: hashBytes(bytes), size: bytes.length, mtimeMs, birthtimeMs }
  } catch (error) {
    await unlink(temp).catch(() => {})
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return failure('exists', `"${target.relative}" already exists; choose another name, or open that file`)
    }
    return ioFailure(error, target.relative, 'save')
  }
}

async function publish(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target)
    await unlink(temp)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error
    await (await open(target, 'wx')).close()
    await rename(temp, target)
  }
}
