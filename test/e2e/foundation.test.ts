import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { copyVault, launchApp, launchChromium, type AppHarness } from './harness'

const SAMPLE = resolve('resources/sample-vault')
let browser: Browser
let app: AppHarness | undefined
let vault: string

beforeAll(async () => { browser = await launchChromium() })
afterAll(async () => { await browser?.close() })
afterEach(async () => {
  await app?.close()
  app = undefined
  await rm(vault, { recursive: true, force: true, maxRetries: 5 })
})

async function openSample() {
  vault = await copyVault(SAMPLE)
  app = await launchApp(browser, { vault })
  await app.page.waitForSelector('[data-testid="post-item"]')
  return app
}

describe('the foundation slice in Chromium', () => {
  it('lists the sample posts newest first', async () => {
    const { page, services } = await openSample()
    const paths = await page.locator('[data-testid="post-item"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-path')))
    const expected = services.currentSession()!.listPosts().map((p) => p.path)
    expect(paths).toEqual(expected)
    const dates = services.currentSession()!.listPosts().map((p) => p.date)
    expect([...dates].sort().reverse()).toEqual(dates)
    expect(paths.length).toBeGreaterThanOrEqual(6)
    expect(await page.getByTestId('vault-name').textContent()).toContain(vault.split('/').pop())
  })

  it('opens a post, saves typed text to disk, and updates the list', async () => {
    const { page, services } = await openSample()
    const target = services.currentSession()!.listPosts().find((p) => !p.isDraft)!
    await page.locator(`[data-testid="post-item"][data-path="${target.path}"]`).click()
    const editor = page.locator('[data-testid="editor"] .cm-content')
    await expect.poll(() => editor.textContent()).toContain(target.title)
    // Retitle the post through its front matter, as a writer would.
    const before = await readFile(join(vault, target.path), 'utf8')
    await page.locator('[data-testid="editor"] .cm-line', { hasText: 'title:' }).first().click()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type(' (修订版 revised)')
    await page.getByTestId('dirty-marker').waitFor({ state: 'visible' })
    await page.keyboard.press('Control+s')
    await expect.poll(async () => readFile(join(vault, target.path), 'utf8'), { timeout: 10_000 }).toContain('(修订版 revised)"')
    const after = await readFile(join(vault, target.path), 'utf8')
    expect(after.length).toBe(before.length + ' (修订版 revised)'.length)
    await page.getByTestId('dirty-marker').waitFor({ state: 'detached' })
    await expect.poll(() => page.locator(`[data-testid="post-item"][data-path="${target.path}"] [data-testid="post-title"]`).textContent()).toContain('(修订版 revised)')
  })

  it('saves after a pause in typing without a shortcut', async () => {
    const { page, services } = await openSample()
    const target = services.currentSession()!.listPosts()[0]
    await page.locator(`[data-testid="post-item"][data-path="${target.path}"]`).click()
    await page.locator('[data-testid="editor"] .cm-content').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\n自动保存 autosave check\n')
    await expect.poll(async () => readFile(join(vault, target.path), 'utf8'), { timeout: 10_000 }).toContain('自动保存 autosave check')
  })

  it('shows a post written by another program after a rescan', async () => {
    const { page, services } = await openSample()
    await writeFile(join(vault, 'outside.md'), '---\ntitle: "外部写入 Outside write"\ndate: 2099-01-01 00:00:00\n---\n\nhello\n')
    await services.currentSession()!.rescan()
    await expect.poll(() => page.locator('[data-testid="post-item"]').first().getAttribute('data-path')).toBe('outside.md')
  })

  it('refuses a path outside the folder with a clear reason', async () => {
    const { page } = await openSample()
    const result = await page.evaluate(() => (window as unknown as { api: { vault: { readPost: (p: string) => Promise<unknown> } } }).api.vault.readPost('../../etc/passwd'))
    expect(result).toMatchObject({ ok: false, reason: 'outside-vault' })
  })
})
