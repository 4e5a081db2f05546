import { z } from 'zod'
import type { PostDocument, PostSummary } from '../model/post'
import type { Result } from '../model/results'
import type { AppState, VaultChange, VaultInfo } from '../model/vault'

/**
 * The one typed contract between the renderer and the main process.
 *
 * `services` are request/response calls; each lists a zod schema for its arguments
 * (renderer input is untrusted, main parses every call with it) and, as a phantom
 * type, its result. `events` are pushed from main to the renderer. Channel names are
 * derived from this table by {@link serviceChannel} and {@link eventChannel}: they
 * are never typed by hand anywhere else.
 */

/** A vault-relative path as the renderer may send it; containment is checked in main. */
const relativePath = z.string().min(1).max(4096)
/** A post title or file name as typed by a person. */
const title = z.string().max(1000)

function service<Result>() {
  return <Args extends z.ZodTuple>(args: Args) => ({ args, result: undefined as unknown as Result })
}
function event<Payload>() {
  return { payload: undefined as unknown as Payload }
}

/** Request/response services, grouped by area. */
export const services = {
  app: {
    /** The open vault, recent folders and one-off notices. */
    getState: service<AppState>()(z.tuple([])),
    /** Shows the native folder picker and opens the chosen folder. */
    chooseFolder: service<Result<{ vault: VaultInfo }>>()(z.tuple([])),
    /** Opens a folder from the recent list. */
    openFolder: service<Result<{ vault: VaultInfo }>>()(z.tuple([z.string().min(1).max(4096)])),
    /** Opens an `http(s):` or `mailto:` link in the system browser. */
    openExternal: service<Result<object>>()(z.tuple([z.string().max(8192)])),
  },
  vault: {
    /** Every post of the open vault, newest first. */
    listPosts: service<PostSummary[]>()(z.tuple([])),
    /** Reads one post for editing. */
    readPost: service<Result<{ document: PostDocument }>>()(z.tuple([relativePath])),
    /**
     * Saves `text` to `path`. `baseHash` is the hash of the version the editor started
     * from; a different version on disk gives a `conflict` failure instead of a write.
     */
    savePost: service<Result<{ document: PostDocument }>>()(
      z.tuple([relativePath, z.string().max(512 * 1024 * 1024), z.string().max(128)]),
    ),
    /** Creates a post from a title, in `folder` (vault-relative, `''` for the root). */
    createPost: service<Result<{ document: PostDocument }>>()(z.tuple([title, z.string().max(4096)])),
    /** Renames a post to a new file name (the extension is kept or added). */
    renamePost: service<Result<{ summary: PostSummary }>>()(z.tuple([relativePath, title])),
    /** Moves a post to the OS trash. */
    deletePost: service<Result<object>>()(z.tuple([relativePath])),
  },
} as const

/** Events pushed from main to the renderer. */
export const events = {
  /** Posts were added, changed or removed, or another vault was opened. */
  vaultChanged: event<VaultChange>(),
  /** A menu item or accelerator in main asked the renderer to run a command. */
  commandInvoked: event<{ command: RendererCommand }>(),
} as const

/** Commands that the main-process menu forwards to the renderer. */
export type RendererCommand = 'save' | 'new-post'

/** The names of the service groups. */
export type ServiceArea = keyof typeof services
/** The names of the methods of one service group. */
export type ServiceMethod<A extends ServiceArea> = keyof (typeof services)[A] & string
/** The event names. */
export type EventName = keyof typeof events & string

type Spec = { args: z.ZodTuple; result: unknown }
type ArgsOf<S> = S extends Spec ? z.infer<S['args']> : never
type ResultOf<S> = S extends Spec ? S['result'] : never
type PayloadOf<E> = E extends { payload: infer P } ? P : never

/** The API the preload exposes as `window.api`, derived from {@link services} and {@link events}. */
export type LemmaApi = {
  [A in ServiceArea]: {
    [M in ServiceMethod<A>]: (...args: ArgsOf<(typeof services)[A][M]>) => Promise<ResultOf<(typeof services)[A][M]>>
  }
} & {
  events: {
    [E in EventName]: (listener: (payload: PayloadOf<(typeof events)[E]>) => void) => () => void
  }
}

/** The IPC channel of a service method, e.g. `lemma:vault.readPost`. */
export function serviceChannel(area: string, method: string): string {
  return `lemma:${area}.${method}`
}

/** The IPC channel of an event, e.g. `lemma-event:vaultChanged`. */
export function eventChannel(name: string): string {
  return `lemma-event:${name}`
}

/** The names of every service method and event, as plain data (for building bridges). */
export function contractShape(): ContractShape {
  const shape: ContractShape = { services: {}, events: Object.keys(events) }
  for (const [area, methods] of Object.entries(services)) shape.services[area] = Object.keys(methods)
  return shape
}

/** Method and event names only: what a bridge needs to build {@link LemmaApi}. */
export interface ContractShape {
  services: Record<string, string[]>
  events: string[]
}

/** What main implements: every service of {@link LemmaApi}, without the events. */
export type ServiceHandlers = Omit<LemmaApi, 'events'>

/** A function main uses to push an event to the renderer. */
export type EmitEvent = <E extends EventName>(name: E, payload: PayloadOf<(typeof events)[E]>) => void
