const OPENING_FENCE = /^(-{3,}|;{3,}|\+{3,})[ \t]*([A-Za-z][\w-]*)?[ \t]*$/

/**
 * How many lines the front matter at the start of `lines` takes (0 when there is
 * none). Follows the vault reader: `---` (closed by `---` or `...`), Hexo's `;;;`
 * and `+++`, each closed by the same fence; an unclosed fence is not front matter.
 */
export function frontMatterLineCount(lines: readonly string[]): number {
  if (lines.length === 0) return 0
  const first = lines[0].charCodeAt(0) === 0xfeff ? lines[0].slice(1) : lines[0]
  const opening = OPENING_FENCE.exec(first.replace(/\r$/, ''))
  if (opening === null) return 0
  const fence = opening[1]
  for (let i = 1; i < lines.length; i++) {
    const content = lines[i].replace(/\r$/, '').trimEnd()
    if (content === fence || (fence[0] === '-' && content === '...')) return i + 1
  }
  return 0
}

/**
 * Whether `source` starts with a line that could open front matter. Such a post's
 * front matter depends on whether a closing fence appears anywhere later.
 */
export function mayOpenFrontMatter(source: string): boolean {
  const end = source.indexOf('\n')
  const first = source.slice(source.charCodeAt(0) === 0xfeff ? 1 : 0, end < 0 ? source.length : end)
  return OPENING_FENCE.test(first.replace(/\r$/, ''))
}

/** The front matter's inner text (between the fences), or null when the post has none. */
export function frontMatterText(source: string): string | null {
  if (!/^\uFEFF?(-{3,}|;{3,}|\+{3,})/.test(source)) return null
  const lines = source.split('\n', 400)
  const count = frontMatterLineCount(lines)
  return count === 0 ? null : lines.slice(1, count - 1).join('\n')
}
