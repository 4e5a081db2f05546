import { failure, type Failure } from '../../src-shared/model/results'

/**
 * Turns a file-system error into a {@link Failure} with a sentence for people, e.g.
 * `EROFS` into "…is read-only" and `ENOSPC` into "The disk is full…". `action` is
 * the verb in "Could not <action> …" (`'save'`, `'rename'`, …) and `relative` the
 * vault-relative path the error is about.
 */
export function ioFailure(error: unknown, relative: string, action: string): Failure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const name = `"${relative}"`
  switch (code) {
    case 'ENOENT':
      return failure('missing', `${name} does not exist`)
    case 'EEXIST':
      return failure('exists', `${name} already exists`)
    case 'EACCES':
    case 'EPERM':
      return failure('io-error', `Could not ${action} ${name}: it is read-only or Lemma is not allowed to change it`)
    case 'EROFS':
      return failure('io-error', `Could not ${action} ${name}: the disk is read-only`)
    case 'ENOSPC':
    case 'EDQUOT':
      return failure('io-error', `The disk is full; could not ${action} ${name}`)
    case 'EISDIR':
      return failure('io-error', `${name} is a folder, not a file`)
    case 'ENOTDIR':
      return failure('io-error', `Part of ${name} is a file, not a folder`)
    case 'EBUSY':
      return failure('io-error', `Could not ${action} ${name}: another program is using it`)
    case 'ENAMETOOLONG':
      return failure('invalid-name', `Could not ${action} ${name}: the name or path is too long`)
    case 'EMFILE':
    case 'ENFILE':
      return failure('io-error', `Could not ${action} ${name}: too many files are open; try again`)
    case 'ELOOP':
      return failure('io-error', `Could not ${action} ${name}: its symbolic links form a loop`)
    case 'EIO':
      return failure('io-error', `Could not ${action} ${name}: the disk reported an error`)
    default:
      return failure('io-error', `Could not ${action} ${name}: ${(error as Error | undefined)?.message ?? String(error)}`)
  }
}
