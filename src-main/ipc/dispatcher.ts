import type { ZodTuple } from 'zod'
import { services, serviceChannel, type ServiceHandlers } from '../../src-shared/ipc/contract'

/** Who sent an IPC call, as far as main can tell. */
export interface CallerFrame {
  /** The URL of the frame that sent the call. */
  url: string
  /** Whether the frame is the top-level frame of the app's window (not an iframe). */
  isMainFrame: boolean
}

/** Thrown for calls that must never happen from the app's own renderer. */
export class RejectedCallError extends Error {}

type Handler = (...args: unknown[]) => Promise<unknown>

/**
 * Routes IPC calls to service handlers, after three checks that treat the renderer as
 * untrusted: the channel is one the contract declares, the sender is the app's own
 * main frame on a trusted origin, and the arguments parse with the contract's schema.
 * A failed check throws {@link RejectedCallError}; expected failures of the services
 * themselves come back as values.
 */
export function createDispatcher(handlers: ServiceHandlers, trustedOrigins: readonly string[]) {
  const routes = new Map<string, { schema: ZodTuple; handler: Handler; name: string }>()
  for (const [area, methods] of Object.entries(services)) {
    for (const [method, spec] of Object.entries(methods)) {
      const group = handlers[area as keyof ServiceHandlers] as unknown as Record<string, Handler>
      const handler = group?.[method]
      if (typeof handler !== 'function') throw new Error(`No handler for ${area}.${method}`)
      routes.set(serviceChannel(area, method), { schema: spec.args, handler, name: `${area}.${method}` })
    }
  }

  return {
    /** The channels to register with `ipcMain.handle`. */
    channels: [...routes.keys()],
    /** Checks and runs one call. */
    async dispatch(channel: string, args: unknown[], caller: CallerFrame): Promise<unknown> {
      const route = routes.get(channel)
      if (!route) throw new RejectedCallError(`Unknown IPC channel "${String(channel).slice(0, 100)}"`)
      if (!isTrustedCaller(caller, trustedOrigins)) {
        throw new RejectedCallError(`Refused ${route.name}: the call did not come from Lemma's own window`)
      }
      const parsed = route.schema.safeParse(args)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new RejectedCallError(`Invalid arguments for ${route.name}: ${issue ? `${issue.path.join('.') || 'arguments'}: ${issue.message}` : 'malformed'}`)
      }
      return route.handler(...(parsed.data as unknown[]))
    },
  }
}

/**
 * True when a call comes from a top-level frame whose origin is one of the app's own
 * (the custom app protocol in production, the dev server in development).
 */
export function isTrustedCaller(caller: CallerFrame, trustedOrigins: readonly string[]): boolean {
  if (!caller.isMainFrame) return false
  let origin: string
  try {
    const url = new URL(caller.url)
    origin = url.protocol === 'file:' ? 'file://' : `${url.protocol}//${url.host}`
  } catch {
    return false
  }
  return trustedOrigins.includes(origin)
}
