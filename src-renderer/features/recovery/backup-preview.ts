/**
 * The start of a backed-up text for a preview: the body after any front matter,
 * at most `maxLines` lines and `maxChars` characters, with `…` when cut. Falls
 * back to the whole text when there is no body.
 */
export function backupPreview(text: string, maxLines = 6, maxChars = 480): string {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').replace(/^\s*\n/, '')
  const source = body.trim() === '' ? text : body
  const lines = source.split('\n')
  let preview = lines.slice(0, maxLines).join('\n')
  let isCut = lines.length > maxLines
  if (preview.length > maxChars) {
    preview = preview.slice(0, maxChars)
    isCut = true
  }
  return isCut ? `${preview.trimEnd()} …` : preview.trimEnd()
}

/** The `title:` of a backed-up text's front matter, or null when it has none. */
export function backupTitle(text: string): string | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  const line = match?.[1].split(/\r?\n/).find((candidate) => /^title\s*:/.test(candidate))
  if (!line) return null
  const value = line.replace(/^title\s*:\s*/, '').trim().replace(/^(['"])(.*)\1$/, '$2')
  return value === '' ? null : value
}
