import type { RendererCommand } from '../../../src-shared/ipc/contract'

/** A command the person can run from the native menu or the keyboard. */
export interface CommandSpec {
  id: RendererCommand
  label: string
  /** CodeMirror-style shortcut, see {@link matchesShortcut}. */
  shortcut: string
}

/** Every renderer command, in menu order: the one table for keys, labels and hints. */
export const commands: readonly CommandSpec[] = [
  { id: 'new-post', label: 'New post', shortcut: 'Mod-n' },
  { id: 'save', label: 'Save', shortcut: 'Mod-s' },
]

/** The spec of one command. */
export function commandSpec(id: RendererCommand): CommandSpec {
  const spec = commands.find((command) => command.id === id)
  if (!spec) throw new Error(`Unknown command ${id}`)
  return spec
}
