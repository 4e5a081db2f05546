import { createContext, useContext } from 'react'
import type { CommandRegistry } from './command-registry'

/** The window's {@link CommandRegistry}, provided by {@link CommandProvider}. */
export const CommandContext = createContext<CommandRegistry | null>(null)

/** The window's command registry; throws outside a {@link CommandProvider}. */
export function useCommandRegistry(): CommandRegistry {
  const registry = useContext(CommandContext)
  if (!registry) throw new Error('useCommandRegistry needs a CommandProvider above it')
  return registry
}
