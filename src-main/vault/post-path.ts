import { failure, type Result } from '../../src-shared/model/results'
import { resolveInVault, type VaultPath } from './vault-paths'

const MARKDOWN_FILE = /\.(md|markdown)$/i

/**
 * {@link resolveInVault} for a post: also refuses (`invalid-name`) anything that is
 * not a `.md` or `.markdown` file, so the renderer cannot read or overwrite other
 * files of the vault (`.git/config`, images, Lemma's own metadata).
 */
export async function resolvePostPath(root: string, relPath: string): Promise<Result<VaultPath>> {
  const resolved = await resolveInVault(root, relPath)
  if (!resolved.ok) return resolved
  if (!MARKDOWN_FILE.test(resolved.relative)) {
    return failure('invalid-name', `"${resolved.relative}" is not a Markdown file (.md or .markdown)`)
  }
  return resolved
}
