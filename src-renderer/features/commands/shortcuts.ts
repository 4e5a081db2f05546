/** Whether the app runs on macOS, where `Mod` means ⌘ instead of Ctrl. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * Whether a key event matches a CodeMirror-style shortcut such as `Mod-s` or
 * `Mod-Shift-n` (`Mod` is ⌘ on macOS and Ctrl elsewhere). Other modifiers must be up.
 */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('-')
  const key = parts.pop()?.toLowerCase()
  const wants = new Set(parts.map((part) => part.toLowerCase()))
  const wantsMod = wants.has('mod')
  const ctrl = wants.has('ctrl') || (wantsMod && !isMac)
  const meta = wants.has('meta') || (wantsMod && isMac)
  // `code` keeps shortcuts working on non-Latin keyboard layouts.
  const isKey = event.key.toLowerCase() === key || (key?.length === 1 && event.code === `Key${key.toUpperCase()}`)
  return (
    isKey &&
    event.ctrlKey === ctrl &&
    event.metaKey === meta &&
    event.altKey === wants.has('alt') &&
    event.shiftKey === wants.has('shift')
  )
}

/** A shortcut as people read it: `⌘S` on macOS, `Ctrl+S` elsewhere. */
export function shortcutLabel(shortcut: string): string {
  const parts = shortcut.split('-')
  const key = (parts.pop() ?? '').toUpperCase()
  const names = parts.map((part) => {
    const lower = part.toLowerCase()
    if (lower === 'mod') return isMac ? '⌘' : 'Ctrl'
    if (lower === 'shift') return isMac ? '⇧' : 'Shift'
    if (lower === 'alt') return isMac ? '⌥' : 'Alt'
    return part
  })
  return isMac ? [...names, key].join('') : [...names, key].join('+')
}
