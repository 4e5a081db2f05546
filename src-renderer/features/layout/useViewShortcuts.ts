import { useCommands } from '../commands/useCommands'
import type { ViewCommandId } from './view-commands'

/**
 * Registers the editor pane's view commands (see {@link viewCommands}) in the
 * window's command registry: their keys from the shared command table run
 * `handlers`, and the command palette lists them, while `isEnabled` (false e.g.
 * while the editor is hidden behind the feed, when the keys go through untouched).
 * The latest handlers are used without re-registering.
 */
export function useViewShortcuts(handlers: Record<ViewCommandId, () => void>, isEnabled: boolean): void {
  const whenEnabled = (id: ViewCommandId) => ({ run: () => handlers[id](), isEnabled: () => isEnabled })
  useCommands({
    'cycle-layout': whenEnabled('cycle-layout'),
    'toggle-outline': whenEnabled('toggle-outline'),
    'toggle-math-widgets': whenEnabled('toggle-math-widgets'),
  })
}
