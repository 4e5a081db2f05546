import type { CommandId } from '../../../src-shared/commands'

/** What a command does on the current screen, and whether it can run now. */
export interface CommandHandler {
  run: () => void
  /** False greys the command out in the palette and lets its key through; absent means enabled. */
  isEnabled?: () => boolean
}

/** Handlers by command id; a bare function is a handler that is always enabled. */
export type CommandHandlers = Partial<Record<CommandId, CommandHandler | (() => void)>>

/**
 * The live half of the one command registry: which commands can run now and what
 * they do. Screens and panes add a layer of handlers while they are mounted; the
 * layer added last wins for an id it defines (a workspace over the welcome screen,
 * the editor pane over the workspace). Layers are read through a getter, so their
 * owners can change handlers on every render without re-registering.
 */
export class CommandRegistry {
  private layers: Array<{ read: () => CommandHandlers }> = []

  /** Adds a layer of handlers on top; returns the function that removes it. */
  register(read: () => CommandHandlers): () => void {
    const layer = { read }
    this.layers = [...this.layers, layer]
    return () => {
      this.layers = this.layers.filter((other) => other !== layer)
    }
  }

  /** The handler that runs `id` now, or null when no layer defines it. */
  handler(id: CommandId): CommandHandler | null {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const found = this.layers[i].read()[id]
      if (found) return typeof found === 'function' ? { run: found } : found
    }
    return null
  }

  /** Whether `id` has a handler that is enabled now. */
  isEnabled(id: CommandId): boolean {
    const handler = this.handler(id)
    return handler !== null && (handler.isEnabled?.() ?? true)
  }

  /** Runs `id` if it is enabled; returns whether it ran. */
  run(id: CommandId): boolean {
    const handler = this.handler(id)
    if (handler === null || !(handler.isEnabled?.() ?? true)) return false
    handler.run()
    return true
  }
}
