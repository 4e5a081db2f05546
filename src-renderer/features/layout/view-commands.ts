import { commandSpec } from '../../../src-shared/commands'

/** A view command of the editor pane, run from its shortcut or the toolbar. */
export interface ViewCommandSpec {
  id: ViewCommandId
  label: string
  /** CodeMirror-style shortcut (see `matchesShortcut` in features/commands/shortcuts.ts). */
  shortcut: string
}

/** The editor pane's view commands. */
export type ViewCommandId = 'cycle-layout' | 'toggle-outline' | 'toggle-math-widgets'

/** The view commands; their keys come from the shared command table (`src-shared/commands.ts`). */
export const viewCommands: readonly ViewCommandSpec[] = [
  { id: 'cycle-layout', label: 'Switch editor / split / preview', shortcut: commandSpec('cycle-layout').shortcut },
  { id: 'toggle-outline', label: 'Show or hide the outline', shortcut: commandSpec('toggle-outline').shortcut },
  { id: 'toggle-math-widgets', label: 'Render formulas in the editor', shortcut: commandSpec('toggle-math-widgets').shortcut },
]

/** The spec of one view command. */
export function viewCommand(id: ViewCommandId): ViewCommandSpec {
  const spec = viewCommands.find((command) => command.id === id)
  if (!spec) throw new Error(`Unknown view command ${id}`)
  return spec
}
