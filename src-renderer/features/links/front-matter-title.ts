/** A replacement of `[from, to)` by `insert` in a post's text. */
export interface TextChange {
  from: number
  to: number
  insert: string
}

const OPENING = /^---[ \t]*\r?\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/
const TITLE_LINE = /^title[ \t]*:/

/**
 * The change that sets the `title` of a post's YAML front matter to `title`,
 * written as a double-quoted scalar (any character is safe in it). It replaces the
 * existing `title:` line together with any indented continuation lines (a folded
 * or block title), adds the key at the top of the front matter when there is none,
 * and adds front matter when the post has none.
 */
export function titleChange(text: string, title: string): TextChange {
  const line = `title: ${JSON.stringify(title.trim())}`
  const opening = OPENING.exec(text)
  if (!opening) return { from: 0, to: 0, insert: `---\n${line}\n---\n\n` }
  const newline = opening[0].endsWith('\r\n') ? '\r\n' : '\n'
  let at = opening[0].length
  while (at < text.length) {
    let end = text.indexOf('\n', at)
    if (end === -1) end = text.length
    const content = text.slice(at, end).replace(/\r$/, '')
    if (CLOSING.test(content)) break
    if (TITLE_LINE.test(content)) {
      let to = at + content.length
      // Continuation lines of a multi-line title are indented (or blank inside it).
      for (let next = end + 1; next < text.length; ) {
        let nextEnd = text.indexOf('\n', next)
        if (nextEnd === -1) nextEnd = text.length
        const following = text.slice(next, nextEnd).replace(/\r$/, '')
        if (!/^[ \t]+\S/.test(following)) break
        to = next + following.length
        next = nextEnd + 1
      }
      return { from: at, to, insert: line }
    }
    at = end + 1
  }
  return { from: opening[0].length, to: opening[0].length, insert: `${line}${newline}` }
}
