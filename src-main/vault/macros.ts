/**
 * Turns a `macros` front-matter field into TeX definitions, one per line, for the
 * math renderer to run before the post's formulas. A string is kept as written
 * (trimmed). A map (`\R: \mathbb{R}`, `\norm: ["\lVert #1 \rVert", 1]`, or with the
 * backslash left off) becomes `\gdef\R{\mathbb{R}}` lines; `\gdef` rather than
 * `\newcommand` because KaTeX refuses to `\newcommand` a name it already defines
 * (such as `\R`), and `\gdef` keeps the definition for every formula of the post.
 * Parameters `#1`…`#9` are declared from the highest one used. Returns the text and
 * the names it had to skip.
 */
export function readMacros(value: unknown): { macros: string; skipped: string[] } {
  if (typeof value === 'string') return { macros: value.trim(), skipped: [] }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { macros: '', skipped: [] }
  const lines: string[] = []
  const skipped: string[] = []
  for (const [key, raw] of Object.entries(value)) {
    const name = key.trim().startsWith('\\') ? key.trim() : `\\${key.trim()}`
    const expansion = Array.isArray(raw) ? raw[0] : raw
    if (!/^\\(?:[a-zA-Z]+|[^a-zA-Z\s])$/.test(name) || (typeof expansion !== 'string' && typeof expansion !== 'number')) {
      skipped.push(key)
      continue
    }
    const body = String(expansion)
    let parameters = ''
    for (let n = highestParameter(body); n > 0; n--) parameters = `#${n}` + parameters
    lines.push(`\\gdef${name}${parameters}{${body}}`)
  }
  return { macros: lines.join('\n'), skipped }
}

function highestParameter(body: string): number {
  let highest = 0
  for (const match of body.matchAll(/#([1-9])/g)) highest = Math.max(highest, Number(match[1]))
  return highest
}
