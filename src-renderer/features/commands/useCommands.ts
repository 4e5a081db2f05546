import { useEffect, useRef } from 'react'
import { useCommandRegistry } from './command-context'
import type { CommandHandlers } from './command-registry'

export type { CommandHandler, CommandHandlers } from './command-registry'

/**
 * Registers what commands do while the calling component is mounted, on top of
 * the handlers registered before it (see `CommandRegistry`). Keys and the native
 * menu reach them through the `CommandProvider`; the palette lists them. The latest
 * handlers are used without re-registering.
 */
export function useCommands(handlers: CommandHandlers): void {
  const registry = useCommandRegistry()
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  useEffect(() => registry.register(() => latest.current), [registry])
}
