import type { ContractShape, LemmaApi } from './contract'

/**
 * Builds the renderer-facing API from the contract's shape and two transport
 * functions. The preload calls it with `ipcRenderer`; the end-to-end tests call it in
 * the page with Playwright bindings, so both expose exactly the same surface.
 *
 * The function is self-contained (no imports, no closures over module state) so that
 * tests can inject its source into a page.
 */
export function buildApi(
  shape: ContractShape,
  invoke: (channel: string, args: unknown[]) => Promise<unknown>,
  subscribe: (channel: string, listener: (payload: unknown) => void) => () => void,
): LemmaApi {
  const api: Record<string, Record<string, unknown>> = { events: {} }
  for (const area of Object.keys(shape.services)) {
    const methods: Record<string, unknown> = {}
    for (const method of shape.services[area]) {
      const channel = `lemma:${area}.${method}`
      methods[method] = (...args: unknown[]) => invoke(channel, args)
    }
    api[area] = methods
  }
  for (const name of shape.events) {
    const channel = `lemma-event:${name}`
    api.events[name] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${name}: listener must be a function`)
      return subscribe(channel, listener)
    }
  }
  return api as unknown as LemmaApi
}
