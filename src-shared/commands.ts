/**
 * Every command of Lemma as plain data: the one table from which the native menu
 * (main) takes its items and accelerators, and the renderer its key bindings, the
 * command palette and shortcut hints. What a command does lives in the renderer,
 * which registers handlers by {@link CommandId}; the menu only forwards the id
 * (`commandInvoked`). Names in every interface language are in
 * `i18n/command-labels.ts`; {@link CommandSpec.menuLabel} is the title-case English
 * name native menus use.
 */

/** The id of a command. */
export type CommandId =
  | 'new-post'
  | 'open-folder'
  | 'save'
  | 'rename-post'
  | 'quick-open'
  | 'search'
  | 'command-palette'
  | 'show-feed'
  | 'cycle-layout'
  | 'toggle-outline'
  | 'toggle-math-widgets'
  | 'toggle-vim'

/** The native menu a command appears in. */
export type MenuSection = 'file' | 'go' | 'view'

/** One command of {@link commands}. */
export interface CommandSpec {
  id: CommandId
  /** CodeMirror-style key (`Mod-Shift-f`: `Mod` is ⌘ on macOS, Ctrl elsewhere), or `''` for none. */
  shortcut: string
  /** The native menu that lists it, or null for the palette and keyboard only. */
  menu: MenuSection | null
  /** The title-case English name of the native menu (`New Post…`); other languages use `commandLabels`. */
  menuLabel: string
}

/**
 * The commands in menu and palette order. Menu commands must be safe to run twice
 * in a row (they open something rather than toggle it), since a key may reach both
 * the page and the menu. No shortcut collides with CodeMirror's default or search
 * keymaps (`Mod-\` is free; `Shift-Mod-\` is "go to matching bracket").
 */
export const commands: readonly CommandSpec[] = [
  { id: 'new-post', shortcut: 'Mod-n', menu: 'file', menuLabel: 'New Post…' },
  { id: 'open-folder', shortcut: 'Mod-o', menu: 'file', menuLabel: 'Open Folder…' },
  { id: 'save', shortcut: 'Mod-s', menu: 'file', menuLabel: 'Save' },
  { id: 'rename-post', shortcut: 'F2', menu: 'file', menuLabel: 'Rename Post…' },
  { id: 'quick-open', shortcut: 'Mod-p', menu: 'go', menuLabel: 'Quick Open…' },
  { id: 'search', shortcut: 'Mod-Shift-f', menu: 'go', menuLabel: 'Search in Vault…' },
  { id: 'command-palette', shortcut: 'Mod-Shift-p', menu: 'go', menuLabel: 'Command Palette…' },
  { id: 'show-feed', shortcut: 'Mod-Shift-h', menu: 'go', menuLabel: 'Latest Posts' },
  { id: 'cycle-layout', shortcut: 'Mod-\\', menu: null, menuLabel: 'Switch Editor / Split / Preview' },
  { id: 'toggle-outline', shortcut: 'Mod-Shift-o', menu: null, menuLabel: 'Show or Hide the Outline' },
  { id: 'toggle-math-widgets', shortcut: 'Mod-Shift-m', menu: null, menuLabel: 'Render Formulas in the Editor' },
  { id: 'toggle-vim', shortcut: '', menu: null, menuLabel: 'Vim Key Bindings' },
]

/** The spec of one command; throws for an unknown id. */
export function commandSpec(id: CommandId): CommandSpec {
  const spec = commands.find((command) => command.id === id)
  if (!spec) throw new Error(`Unknown command ${id}`)
  return spec
}

/** Whether `id` names a command of {@link commands} (for ids arriving over IPC). */
export function isCommandId(id: string): id is CommandId {
  return commands.some((command) => command.id === id)
}

/**
 * A CodeMirror-style shortcut as an Electron accelerator: `Mod-Shift-f` becomes
 * `CmdOrCtrl+Shift+F`, `F2` stays `F2`. Undefined for no shortcut.
 */
export function toAccelerator(shortcut: string): string | undefined {
  if (shortcut === '') return undefined
  const parts = shortcut.split('-')
  // `Mod--` (a minus key) splits into an empty last part.
  const key = parts.pop() || '-'
  const modifiers = parts.filter((part) => part !== '').map((part) => {
    const lower = part.toLowerCase()
    if (lower === 'mod') return 'CmdOrCtrl'
    if (lower === 'ctrl') return 'Ctrl'
    if (lower === 'meta' || lower === 'cmd') return 'Cmd'
    if (lower === 'alt') return 'Alt'
    return 'Shift'
  })
  return [...modifiers, key.length === 1 ? key.toUpperCase() : key].join('+')
}
