import { readFile, mkdtemp, rm, cp, mkdir, rename } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, relative, resolve, isAbsolute, basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { buildApi } from '../../src-shared/ipc/build-api'
import { contractShape, eventChannel, type EmitEvent } from '../../src-shared/ipc/contract'
import { AppStateStore } from '../../src-main/app-state/app-state-store'
import { createDispatcher } from '../../src-main/ipc/dispatcher'
import { IndexWorkers } from '../../src-main/index-worker/index-workers'
import { createServices, type LemmaServices } from '../../src-main/services/create-services'
import { launchChromium } from '../support/chromium'

/** The origin the built renderer is served from in tests. */
export const TEST_ORIGIN = 'http://lemma.test'
const RENDERER_DIR = resolve('out/renderer')
/** The index worker as the app builds it (`npm run build`, done by the test setup). */
const BUILT_INDEX_WORKER = pathToFileURL(resolve('out/main/index-worker.js'))
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: lemma-asset:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.png': 'image/png', '.json': 'application/json' }

/** A running renderer bridged to the real main-process services. */
export interface AppHarness {
  page: Page
  services: LemmaServices
  vault: string
  /** What the fake shell was asked to open. */
  openedExternally: string[]
  /** Files the fake trash received. */
  trashed: string[]
  close: () => Promise<void>
}

/** Copies a fixture folder to a fresh temp folder, so tests never touch the originals. */
export async function copyVault(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lemma-e2e-vault-'))
  await cp(source, dir, { recursive: true })
  return dir
}

/**
 * Serves the built renderer in Chromium and gives it a `window.api` made by the same
 * {@link buildApi} the preload uses, whose calls go through the real dispatcher (with
 * its sender and argument checks) to the real services running in this process.
 */
export async function launchApp(browser: Browser, options: { vault: string; chooseFolder?: () => Promise<string | null>; locale?: string; userData?: string }): Promise<AppHarness> {
  // A caller-supplied userData folder outlives the app, as after a crash and restart.
  const userData = options.userData ?? await mkdtemp(join(tmpdir(), 'lemma-e2e-userdata-'))
  const trashDir = await mkdtemp(join(tmpdir(), 'lemma-e2e-trash-'))
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...(options.locale ? { locale: options.locale } : {}) })
  const page = await context.newPage()
  const openedExternally: string[] = []
  const trashed: string[] = []
  let isPageReady = false
  const queued: Array<[string, unknown]> = []

  const indexWorkers = new IndexWorkers({ type: 'script', url: BUILT_INDEX_WORKER })
  void indexWorkers.prestart()
  const emit: EmitEvent = (name, payload) => {
    const channel = eventChannel(name)
    if (!isPageReady) { queued.push([channel, payload]); return }
    page.evaluate(([c, p]) => (window as unknown as { __lemmaEmit: (c: string, p: unknown) => void }).__lemmaEmit(c, p), [channel, payload] as const).catch(() => {})
  }
  const services = createServices({
    appState: await AppStateStore.open(userData),
    chooseFolder: options.chooseFolder ?? (async () => null),
    trash: async (path) => {
      trashed.push(path)
      await mkdir(trashDir, { recursive: true })
      await rename(path, join(trashDir, `${trashed.length}-${basename(path)}`))
    },
    openExternal: async (url) => { openedExternally.push(url) },
    emit,
    backupDir: join(userData, 'backups'),
    // As the app does at launch: index workers started once, which every folder opened lists and parses in.
    indexWorkers,
  })
  const dispatcher = createDispatcher(services.handlers, [TEST_ORIGIN])
  const opened = await services.openVault(options.vault)
  if (!opened.ok) throw new Error(opened.message)

  await page.exposeBinding('__lemmaInvoke', (source, channel: string, args: unknown[]) =>
    dispatcher.dispatch(channel, args, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }))
  await page.addInitScript(
    ({ shape, buildApiSource }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>()
      const w = window as unknown as Record<string, unknown>
      w.__lemmaEmit = (channel: string, payload: unknown) => { for (const l of listeners.get(channel) ?? []) l(payload) }
      const build = new Function(`return (${buildApiSource})`)() as typeof buildApi
      w.api = build(
        shape,
        (channel, args) => (w.__lemmaInvoke as (c: string, a: unknown[]) => Promise<unknown>)(channel, args),
        (channel, listener) => {
          const set = listeners.get(channel) ?? new Set()
          listeners.set(channel, set)
          set.add(listener)
          return () => { set.delete(listener) }
        },
      )
    },
    { shape: contractShape(), buildApiSource: buildApi.toString() },
  )
  await page.route(`${TEST_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url())
    const file = resolve(RENDERER_DIR, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`)
    const rel = relative(RENDERER_DIR, file)
    if (rel.startsWith('..') || isAbsolute(rel)) return route.fulfill({ status: 404, body: 'not found' })
    try {
      const body = await readFile(file)
      await route.fulfill({ status: 200, body, headers: { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP } })
    } catch {
      await route.fulfill({ status: 404, body: 'not found' })
    }
  })
  // Anything else (a remote image, a tracker) must never load; record it as a failure.
  await page.route((url) => !url.href.startsWith(TEST_ORIGIN) && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob'), (route) => route.abort())
  await page.goto(`${TEST_ORIGIN}/index.html`)
  isPageReady = true
  for (const [channel, payload] of queued.splice(0)) {
    await page.evaluate(([c, p]) => (window as unknown as { __lemmaEmit: (c: string, p: unknown) => void }).__lemmaEmit(c, p), [channel, payload] as const).catch(() => {})
  }

  return {
    page,
    services,
    vault: options.vault,
    openedExternally,
    trashed,
    close: async () => {
      await context.close()
      await services.dispose()
      await indexWorkers.close()
      if (!options.userData) await rm(userData, { recursive: true, force: true, maxRetries: 5 })
      await rm(trashDir, { recursive: true, force: true, maxRetries: 5 })
    },
  }
}

export { launchChromium }
