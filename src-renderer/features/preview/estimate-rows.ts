/** Width of one row of preview text, in ems: the preview column is about this wide in the split layout. */
const ROW_EMS = 38
const FENCE = /^\s*(```|~~~)/

/**
 * About how many rows of text `text` (one block's Markdown source) takes when
 * rendered, for the height of its placeholder until it is: each source line wraps
 * by its width (a CJK character is one em wide, anything else half), code lines do
 * not wrap, and blank lines take none. Never less than one. An estimate only: it
 * keeps the scroll height near the real one while a long post fills in.
 */
export function estimateRows(text: string): number {
  let rows = 0
  let isCode = false
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) {
      isCode = !isCode
      rows++
      continue
    }
    if (isCode) {
      rows++
      continue
    }
    let ems = 0
    for (let i = 0; i < line.length; i++) ems += line.charCodeAt(i) >= 0x2e80 ? 1 : 0.5
    if (ems > 0 && line.trim() !== '') rows += Math.ceil(ems / ROW_EMS)
  }
  return Math.max(1, rows)
}
