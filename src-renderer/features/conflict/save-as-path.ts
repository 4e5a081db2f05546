const MARKDOWN_EXTENSION = /\.(md|markdown)$/i

/** The file name a "Save as…" dialog starts with: the post's own name without its folder. */
export function saveAsSuggestion(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * The vault-relative path for `name` typed in a "Save as…" dialog: in the same
 * folder as `currentPath`, with `.md` added when the name has no Markdown extension.
 * Null when the name is blank or names a folder (`/` or `\`); main checks the rest
 * (characters, length, staying inside the vault).
 */
export function saveAsPath(currentPath: string, name: string): string | null {
  const trimmed = name.trim()
  if (trimmed === '' || /[/\\]/.test(trimmed) || trimmed === '.' || trimmed === '..') return null
  const file = MARKDOWN_EXTENSION.test(trimmed) ? trimmed : `${trimmed}.md`
  const slash = currentPath.lastIndexOf('/')
  return slash < 0 ? file : `${currentPath.slice(0, slash)}/${file}`
}

/** The folder a path is in, `''` for the top of the vault. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}
