import type { LemmaApi } from '../src-shared/ipc/contract'

declare global {
  interface Window {
    /** Exposed by the preload (or the end-to-end test bridge); read only in this module. */
    api?: LemmaApi
  }
}

/**
 * The bridge to the main process. This is the only module that reads `window.api`;
 * everything else imports {@link api} from here.
 */
export const api: LemmaApi = (() => {
  if (!window.api) throw new Error('Lemma bridge missing: the renderer must be loaded by the app or a test bridge.')
  return window.api
})()
