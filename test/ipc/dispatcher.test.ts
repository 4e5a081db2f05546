import { describe, expect, it } from 'vitest'
import { buildApi } from '../../src-shared/ipc/build-api'
import { contractShape, eventChannel, serviceChannel, services, type ServiceHandlers } from '../../src-shared/ipc/contract'
import { createDispatcher, isTrustedCaller, RejectedCallError } from '../../src-main/ipc/dispatcher'

const ORIGIN = 'app://lemma'
const trusted = { url: 'app://lemma/index.html', isMainFrame: true }

/** Handlers that record their calls, for every method of the contract. */
function recordingHandlers() {
  const calls: Array<[string, unknown[]]> = []
  const handlers: Record<string, Record<string, unknown>> = {}
  for (const [area, methods] of Object.entries(services)) {
    handlers[area] = {}
    for (const method of Object.keys(methods)) {
      handlers[area][method] = async (...args: unknown[]) => { calls.push([`${area}.${method}`, args]); return { ok: true } }
    }
  }
  return { handlers: handlers as unknown as ServiceHandlers, calls }
}

describe('the IPC dispatcher', () => {
  it('routes a valid call from the app window to its handler', async () => {
    const { handlers, calls } = recordingHandlers()
    const dispatcher = createDispatcher(handlers, [ORIGIN])
    await dispatcher.dispatch(serviceChannel('vault', 'readPost'), ['notes/a.md'], trusted)
    expect(calls).toEqual([['vault.readPost', ['notes/a.md']]])
  })

  it('registers one channel per contract method and nothing else', () => {
    const dispatcher = createDispatcher(recordingHandlers().handlers, [ORIGIN])
    const expected = Object.entries(services).flatMap(([area, methods]) => Object.keys(methods).map((m) => serviceChannel(area, m)))
    expect(dispatcher.channels.sort()).toEqual(expected.sort())
  })

  it('rejects an unknown channel', async () => {
    const dispatcher = createDispatcher(recordingHandlers().handlers, [ORIGIN])
    await expect(dispatcher.dispatch('lemma:fs.readAnything', ['/etc/passwd'], trusted)).rejects.toThrow(/Unknown IPC channel/)
  })

  it.each([
    ['a missing argument', serviceChannel('vault', 'readPost'), []],
    ['a number instead of a path', serviceChannel('vault', 'readPost'), [42]],
    ['an extra argument', serviceChannel('vault', 'readPost'), ['a.md', 'b.md']],
    ['an object instead of text', serviceChannel('vault', 'savePost'), ['a.md', { toString: 'x' }, 'hash']],
    ['an empty path', serviceChannel('vault', 'deletePost'), ['']],
  ])('rejects %s', async (_name, channel, args) => {
    const { handlers, calls } = recordingHandlers()
    const dispatcher = createDispatcher(handlers, [ORIGIN])
    await expect(dispatcher.dispatch(channel, args, trusted)).rejects.toThrow(/Invalid arguments/)
    expect(calls).toEqual([])
  })

  it.each([
    ['a frame from another origin', { url: 'https://evil.example/x', isMainFrame: true }],
    ['an iframe of the app', { url: 'app://lemma/index.html', isMainFrame: false }],
    ['a file: page', { url: 'file:///tmp/evil.html', isMainFrame: true }],
    ['an empty URL', { url: '', isMainFrame: true }],
  ])('rejects a call from %s', async (_name, caller) => {
    const { handlers, calls } = recordingHandlers()
    const dispatcher = createDispatcher(handlers, [ORIGIN])
    await expect(dispatcher.dispatch(serviceChannel('vault', 'listPosts'), [], caller)).rejects.toBeInstanceOf(RejectedCallError)
    expect(calls).toEqual([])
  })

  it('trusts the app origin and the dev server origin only', () => {
    expect(isTrustedCaller({ url: 'http://localhost:5173/', isMainFrame: true }, ['http://localhost:5173'])).toBe(true)
    expect(isTrustedCaller({ url: 'http://localhost:5174/', isMainFrame: true }, ['http://localhost:5173'])).toBe(false)
  })

  it('refuses to start when a contract method has no handler', () => {
    const { handlers } = recordingHandlers()
    delete (handlers.vault as unknown as Record<string, unknown>).savePost
    expect(() => createDispatcher(handlers, [ORIGIN])).toThrow(/No handler for vault.savePost/)
  })
})

describe('the bridge built from the contract', () => {
  it('exposes exactly the contract methods and events, on the derived channels', async () => {
    const invoked: string[] = []
    const subscribed: string[] = []
    const api = buildApi(contractShape(), async (channel) => { invoked.push(channel) }, (channel) => { subscribed.push(channel); return () => {} }) as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>
    expect(Object.keys(api).sort()).toEqual([...Object.keys(services), 'events'].sort())
    for (const [area, methods] of Object.entries(services)) {
      expect(Object.keys(api[area]).sort()).toEqual(Object.keys(methods).sort())
      for (const method of Object.keys(methods)) await api[area][method]()
    }
    for (const name of contractShape().events) api.events[name](() => {})
    expect(invoked).toEqual(Object.entries(services).flatMap(([a, m]) => Object.keys(m).map((x) => serviceChannel(a, x))))
    expect(subscribed).toEqual(contractShape().events.map(eventChannel))
    expect('send' in api || 'on' in api || 'invoke' in api).toBe(false)
  })
})
