/**
 * Resolves after the event loop has run once (timers, I/O callbacks, IPC), so that a
 * long piece of work on the main thread can be cut into pieces the window does not feel.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
