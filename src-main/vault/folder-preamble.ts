import { open } from 'node:fs/promises'
import { decodeText } from './text-codec'
import { resolveInVault } from './vault-paths'

/** Where a vault keeps the TeX macros shared by all its posts, relative to its root. */
export const PREAMBLE_PATH = '.lemma/macros.tex'

/** The largest preamble read; a bigger file is ignored (it would be re-parsed for every formula set). */
export const MAX_PREAMBLE_BYTES = 256 * 1024

/**
 * Reads the vault's macro preamble (`.lemma/macros.tex`) as text with `\n` line
 * endings, for the preview and the editor's formula widgets. Returns `''` when
 * there is none, when it is not a regular file inside the vault (a symbolic link
 * out of it is refused), or when it is larger than {@link MAX_PREAMBLE_BYTES}:
 * a missing preamble is normal, and a broken one must not stop any post rendering.
 */
export async function readFolderPreamble(root: string): Promise<string> {
  const resolved = await resolveInVault(root, PREAMBLE_PATH)
  if (!resolved.ok) return ''
  let file
  try {
    file = await open(resolved.absolute, 'r')
  } catch {
    return ''
  }
  try {
    const info = await file.stat()
    if (!info.isFile() || info.size > MAX_PREAMBLE_BYTES) return ''
    const bytes = await file.readFile()
    return bytes.length > MAX_PREAMBLE_BYTES ? '' : decodeText(bytes).text
  } catch {
    return ''
  } finally {
    await file.close()
  }
}
