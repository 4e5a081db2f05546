import { lstat, realpath } from 'node:fs/promises'
import path from 'node:path'
import { failure, type Result } from '../../src-shared/model/results'
import { segmentProblem } from './windows-names'

/** A path checked by {@link resolveInVault}. */
export interface VaultPath {
  /** Absolute path in the OS's form (not resolved through symbolic links). */
  absolute: string
  /** Vault-relative path with `/` separators; `''` for the root itself. */
  relative: string
}

/**
 * Resolves a vault-relative path sent by the renderer. Renderer input is untrusted,
 * so this defends against path traversal: it refuses (`outside-vault`) a NUL byte,
 * absolute POSIX, Windows drive and UNC paths, `..` that climbs out of the root, and
 * paths whose real location (through symbolic links, of the file or else of its
 * nearest existing parent) lies outside the real root. Both `/` and `\` separate
 * folders on every OS. Names Windows refuses give `invalid-name`. `''` is the root.
 * A check, not a lock: the tree can still change between this call and the use.
 */
export async function resolveInVault(root: string, relPath: string): Promise<Result<VaultPath>> {
  if (typeof relPath !== 'string') return failure('outside-vault', 'The path is not text')
  if (relPath.includes('\0')) return failure('outside-vault', 'The path contains a NUL character')
  if (path.posix.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) {
    return failure('outside-vault', `"${relPath}" is an absolute path; only paths inside the vault are allowed`)
  }
  const segments = relPath.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.')
  const rootAbsolute = path.resolve(root)
  const absolute = path.resolve(rootAbsolute, ...segments)
  if (!isPathInside(rootAbsolute, absolute)) {
    return failure('outside-vault', `"${relPath}" points outside the vault`)
  }
  for (const segment of segments) {
    if (segment === '..') continue
    const problem = segmentProblem(segment)
    if (problem !== null) return failure('invalid-name', problem)
  }
  const contained = await checkRealLocation(rootAbsolute, absolute, relPath)
  if (!contained.ok) return contained
  return { ok: true, absolute, relative: toVaultRelative(rootAbsolute, absolute) }
}

/** `absolute` relative to `root` with `/` separators (`''` for the root; starts with `..` when outside). */
export function toVaultRelative(root: string, absolute: string): string {
  return path.relative(path.resolve(root), path.resolve(absolute)).split(path.sep).join('/')
}

/** True when `child` is `parent` or lies below it, judged lexically with `path.relative`. */
export function isPathInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative))
}

async function checkRealLocation(root: string, absolute: string, relPath: string): Promise<Result<object>> {
  let realRoot: string
  try {
    realRoot = await realpath(root)
  } catch {
    return failure('no-vault', `The vault folder "${root}" is not available`)
  }
  // Defends against symlink escapes: a link inside the vault may point anywhere.
  for (let current = absolute; ; current = path.dirname(current)) {
    try {
      const real = await realpath(current)
      if (isPathInside(realRoot, real)) return { ok: true }
      return failure('outside-vault', `"${relPath}" leads outside the vault through a symbolic link`)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        return failure('io-error', `Could not check "${relPath}": ${(error as Error).message}`)
      }
      // A name that exists but cannot be resolved is a dangling link: where it would lead is unknown.
      if (await exists(current)) {
        return failure('outside-vault', `"${relPath}" goes through a symbolic link whose target is missing`)
      }
      if (current === root || path.dirname(current) === current) {
        return failure('no-vault', `The vault folder "${root}" is not available`)
      }
    }
  }
}

async function exists(absolute: string): Promise<boolean> {
  try {
    await lstat(absolute)
    return true
  } catch {
    return false
  }
}
