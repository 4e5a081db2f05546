const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/
const ITEM_LINE = /^( *)- (.*)$/
const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/

/**
 * Reads the plain subset of YAML that almost every front matter is written in, with
 * the same result as the `yaml` package's failsafe schema (see `readFrontMatter`):
 * lines of `key: value`, a bare `key:` (the empty string), or `key:` followed by
 * `- item` lines indented by zero or two spaces; values plain (one line, no `: `,
 * ` #`, trailing blank or leading indicator), `"double"` without backslashes or
 * `'single'` without quotes inside; empty lines between them. Returns null for
 * anything else (comments, duplicate keys, flow collections starting a value,
 * multi-line scalars, anchors, tags, block scalars, ...), which the caller then
 * hands to the full parser: this is only a shortcut, never a second opinion.
 */
export function readSimpleYaml(source: string): Record<string, unknown> | null {
  if (hasUnusualCharacter(source)) return null
  const data: Record<string, unknown> = {}
  let list: string[] | null = null
  let listIndent = -1
  let openKey: string | null = null
  let hasKey = false
  const lines = source.split('\n')
  // `raw` ends with the newline before the closing fence, so the last piece is empty.
  const count = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length
  for (let index = 0; index < count; index++) {
    const line = lines[index]
    if (line === '') {
      if (list !== null) return null
      continue
    }
    if (line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0x2d) {
      if (openKey === null && list === null) return null
      const item = ITEM_LINE.exec(line)
      if (item === null) return null
      const indent = item[1].length
      if (list === null) {
        if (indent !== 0 && indent !== 2) return null
        list = []
        listIndent = indent
        data[openKey!] = list
        openKey = null
      } else if (indent !== listIndent) return null
      const value = scalar(item[2])
      if (value === null) return null
      list.push(value)
      continue
    }
    list = null
    openKey = null
    const entry = KEY_LINE.exec(line)
    if (entry === null) return null
    const key = entry[1]
    if (key === '__proto__' || Object.hasOwn(data, key)) return null
    hasKey = true
    const text = entry[2]
    if (text === undefined) {
      data[key] = ''
      openKey = key
      continue
    }
    const value = scalar(text)
    if (value === null) return null
    data[key] = value
  }
  return hasKey ? data : null
}

/** The string a one-line scalar stands for, or null when it is not in the simple subset. */
function scalar(text: string): string | null {
  const first = text.charCodeAt(0)
  if (first === 0x22) {
    return text.length >= 2 && text.indexOf('"', 1) === text.length - 1 && !text.includes('\\') ? text.slice(1, -1) : null
  }
  if (first === 0x27) return text.length >= 2 && text.indexOf("'", 1) === text.length - 1 ? text.slice(1, -1) : null
  if (!PLAIN_START.test(text)) return null
  const last = text.charCodeAt(text.length - 1)
  if (last === 0x20 || last === 0x3a || text.includes(': ') || text.includes(' #')) return null
  return text
}

/** True for a tab, `\r`, C0 or C1 control, DEL, or what YAML or the `yaml` package may take for a line break or BOM. */
function hasUnusualCharacter(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i)
    if (code < 0x20 ? code !== 0x0a : (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true
  }
  return false
}
