import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildApi } from '../src-shared/ipc/build-api'
import { contractShape } from '../src-shared/ipc/contract'

/**
 * The bridge: exposes exactly the contract's services and events as `window.api`.
 * Nothing generic (no `send`, no `on(channel)`) reaches the page.
 */
const api = buildApi(
  contractShape(),
  (channel, args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  },
)

contextBridge.exposeInMainWorld('api', api)
