import { ipcMain, type BrowserWindow } from 'electron'
import { eventChannel, type EmitEvent, type ServiceHandlers } from '../../src-shared/ipc/contract'
import { createDispatcher } from './dispatcher'

/**
 * Registers a handler for every service channel of the contract. The sender frame
 * must be the main frame of `getWindow()`; the dispatcher checks the rest. Returns a
 * function that removes the handlers.
 */
export function registerIpc(handlers: ServiceHandlers, getWindow: () => BrowserWindow | null, trustedOrigins: string[]): () => void {
  const dispatcher = createDispatcher(handlers, trustedOrigins)
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const window = getWindow()
      const frame = event.senderFrame
      const isOwnWindow = !!window && !window.isDestroyed() && event.sender === window.webContents
      return dispatcher.dispatch(channel, args, {
        url: frame?.url ?? '',
        isMainFrame: isOwnWindow && !!frame && frame === window.webContents.mainFrame,
      })
    })
  }
  return () => {
    for (const channel of dispatcher.channels) ipcMain.removeHandler(channel)
  }
}

/** An {@link EmitEvent} that sends to the window's renderer, if it is still there. */
export function windowEmitter(getWindow: () => BrowserWindow | null): EmitEvent {
  return (name, payload) => {
    const window = getWindow()
    if (window && !window.isDestroyed()) window.webContents.send(eventChannel(name), payload)
  }
}
