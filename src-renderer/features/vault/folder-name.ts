/** The last segment of a folder path, with `/` or `\` separators; the path itself for a root. */
export function folderName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  const name = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1)
  return name || path
}
