import { useEffect, useState, type ReactNode } from 'react'
import { isCommandId } from '../../../src-shared/commands'
import { api } from '../../ipc'
import { CommandContext } from './command-context'
import { CommandRegistry } from './command-registry'
import { commands } from './commands'
import { matchesShortcut } from './shortcuts'

/**
 * Owns the window's one {@link CommandRegistry}: runs a command when its key from
 * the shared table is pressed anywhere in the window (unless something, e.g. the
 * editor, already handled the key, or the command cannot run now, so the key goes
 * on), and when the native menu forwards it (`commandInvoked`). Both listeners end
 * on unmount.
 */
export function CommandProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new CommandRegistry())

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.isComposing) return
      const spec = commands.find((command) => command.shortcut !== '' && matchesShortcut(event, command.shortcut))
      if (!spec || !registry.isEnabled(spec.id)) return
      event.preventDefault()
      registry.run(spec.id)
    }
    window.addEventListener('keydown', onKeyDown)
    const unsubscribe = api.events.commandInvoked(({ command }) => {
      if (isCommandId(command)) registry.run(command)
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      unsubscribe()
    }
  }, [registry])

  return <CommandContext.Provider value={registry}>{children}</CommandContext.Provider>
}
