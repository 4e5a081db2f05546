import { useEffect, useRef } from 'react'
import type { RendererCommand } from '../../../src-shared/ipc/contract'
import { api } from '../../ipc'
import { commands } from './commands'
import { matchesShortcut } from './shortcuts'

/** What each command does in the current screen. */
export type CommandHandlers = Record<RendererCommand, () => void>

/**
 * Runs `handlers` for the commands of {@link commands}, whether they come from their
 * keyboard shortcut anywhere in the window or from the native menu
 * (`commandInvoked`). The latest handlers are used without re-subscribing; both
 * subscriptions end on unmount.
 */
export function useCommands(handlers: CommandHandlers): void {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return
      const command = commands.find((spec) => matchesShortcut(event, spec.shortcut))
      if (!command) return
      event.preventDefault()
      latest.current[command.id]()
    }
    window.addEventListener('keydown', onKeyDown)
    const unsubscribe = api.events.commandInvoked(({ command }) => latest.current[command]?.())
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      unsubscribe()
    }
  }, [])
}
