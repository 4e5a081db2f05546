import { mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, launchChromium, type AppHarness } from './harness'
import { generateCorpus } from '../support/corpus'

const LINES = ['First paragraph, which stays.', '', 'Second paragraph, where the cursor waits.', '', 'Third paragraph.', '', 'Fourth paragraph.', '', 'Fifth paragraph, the last.']

/** One post per scenario, each with the same five paragraphs. */
const FILES: Record<string, string> = {
  'clean.md': post('Clean', '2026-02-09'),
  'keep-mine.md': post('Keep Mine', '2026-02-08'),
  'take-theirs.md': post('Take Theirs', '2026-02-07'),
  'merge.md': post('Merge', '2026-02-06'),
  'deleted.md': post('Deleted', '2026-02-05'),
  'crash.md': post('Crash', '2026-02-04'),
  'history.md': post('History', '2026-02-03'),
}

function post(title: string, date: string, lines = LINES): string {
  return `---\ntitle: "${title}"\ndate: ${date} 10:00:00\n---\n\n${lines.join('\n')}\n`
}

let browser: Browser
const cleanups: Array<() => Promise<void>> = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function makeVault(): Promise<string> {
  const vault = await mkdtemp(join(tmpdir(), 'lemma-e2e-safety-'))
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(vault, path)), { recursive: true })
    await writeFile(join(vault, path), text)
  }
  cleanups.push(() => rm(vault, { recursive: true, force: true, maxRetries: 5 }))
  return vault
}

async function launch(vault: string, options: { userData?: string; chooseFolder?: () => Promise<string | null> } = {}): Promise<AppHarness> {
  const app = await launchApp(browser, { vault, ...options })
  let isClosed = false
  const close = app.close
  app.close = async () => {
    if (isClosed) return
    isClosed = true
    await close()
  }
  cleanups.push(app.close)
  await app.page.waitForSelector('[data-testid="post-item"]')
  return app
}

const editor = (page: Page) => page.locator('[data-testid="editor"] .cm-content')

/** The editor's text, line by line (the fixtures are short, so every line is drawn). */
function editorText(page: Page): Promise<string> {
  return page.locator('[data-testid="editor"] .cm-line').evaluateAll((lines) => lines.map((line) => line.textContent ?? '').join('\n'))
}

async function openPost(page: Page, path: string, title: string): Promise<void> {
  await page.locator(`[data-testid="post-item"][data-path="${path}"]`).click()
  await expect.poll(() => editor(page).textContent()).toContain(title)
}

/** Puts the cursor at the end of the line containing `text`. */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] .cm-line', { hasText: text }).click()
  await page.keyboard.press('End')
}

/** Types into the open post and changes it on disk before the autosave can run. */
async function typeThenChangeOnDisk(page: Page, file: string, typed: string, replace: [string, string]): Promise<void> {
  await cursorAfter(page, 'First paragraph')
  await page.keyboard.type(typed)
  await page.getByTestId('dirty-marker').waitFor()
  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace(replace[0], replace[1]))
}

describe('never losing a word, in Chromium', () => {
  it('reloads a clean post changed on disk in place, keeping the cursor and leaving undo alone', async () => {
    const vault = await makeVault()
    const { page } = await launch(vault)
    await openPost(page, 'clean.md', 'Clean')
    await cursorAfter(page, 'Second paragraph')
    const cursor = await page.getByTestId('cursor-position').textContent()
    await writeFile(join(vault, 'clean.md'), FILES['clean.md'].replace('Fourth paragraph.', 'Fourth paragraph, rewritten by another program.'))
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('rewritten by another program')
    expect(await page.getByTestId('cursor-position').textContent()).toBe(cursor)
    expect(await page.getByTestId('dirty-marker').count()).toBe(0)
    await page.keyboard.press('Control+z')
    await page.keyboard.type(' typed')
    const text = await editorText(page)
    expect(text).toContain('rewritten by another program')
    expect(text).not.toContain('Fourth paragraph.')
    expect(text).toContain('where the cursor waits. typed')
  })

  it('opens the conflict view for a dirty post changed on disk, and each way out does what it says', async () => {
    const vault = await makeVault()
    const { page } = await launch(vault)
    const view = page.getByTestId('conflict-view')

    // Keep mine: the editor's text goes over theirs.
    await openPost(page, 'keep-mine.md', 'Keep Mine')
    await typeThenChangeOnDisk(page, join(vault, 'keep-mine.md'), ' Mine.', ['Fifth paragraph', 'Fifth paragraph (theirs)'])
    await view.waitFor({ timeout: 10_000 })
    expect(await view.getByTestId('merge-compare').textContent()).toContain('Fifth paragraph (theirs)')
    await page.screenshot({ path: join(tmpdir(), 'lemma-conflict.png') })
    await view.getByTestId('conflict-keep-mine').click()
    await view.waitFor({ state: 'detached' })
    await expect.poll(() => readFile(join(vault, 'keep-mine.md'), 'utf8')).toContain('which stays. Mine.')
    expect(await readFile(join(vault, 'keep-mine.md'), 'utf8')).not.toContain('(theirs)')
    await page.getByTestId('dirty-marker').waitFor({ state: 'detached' })

    // Take theirs: the file stays theirs and the editor shows it.
    await openPost(page, 'take-theirs.md', 'Take Theirs')
    await typeThenChangeOnDisk(page, join(vault, 'take-theirs.md'), ' Mine.', ['Fifth paragraph', 'Fifth paragraph (theirs)'])
    await view.waitFor({ timeout: 10_000 })
    const theirs = await readFile(join(vault, 'take-theirs.md'), 'utf8')
    await view.getByTestId('conflict-take-theirs').click()
    await view.waitFor({ state: 'detached' })
    await expect.poll(() => editorText(page)).toContain('Fifth paragraph (theirs)')
    expect(await editorText(page)).not.toContain('Mine.')
    expect(await page.getByTestId('dirty-marker').count()).toBe(0)
    expect(await readFile(join(vault, 'take-theirs.md'), 'utf8')).toBe(theirs)

    // Merge: both changes, on disk and in the editor.
    await openPost(page, 'merge.md', 'Merge')
    await typeThenChangeOnDisk(page, join(vault, 'merge.md'), ' Mine.', ['Fifth paragraph', 'Fifth paragraph (theirs)'])
    await view.waitFor({ timeout: 10_000 })
    await view.getByTestId('conflict-merge').click()
    await view.waitFor({ state: 'detached' })
    await expect.poll(() => readFile(join(vault, 'merge.md'), 'utf8')).toContain('which stays. Mine.')
    expect(await readFile(join(vault, 'merge.md'), 'utf8')).toContain('Fifth paragraph (theirs)')
    expect(await editorText(page)).toContain('Fifth paragraph (theirs)')
    expect(await editorText(page)).toContain('which stays. Mine.')
  })

  it('keeps the text of a post deleted on disk and saves it again', async () => {
    const vault = await makeVault()
    const { page } = await launch(vault)
    await openPost(page, 'deleted.md', 'Deleted')
    await unlink(join(vault, 'deleted.md'))
    await page.getByTestId('deleted-banner').waitFor({ timeout: 10_000 })
    expect(await editorText(page)).toContain('Fifth paragraph, the last.')
    await page.getByTestId('deleted-save-again').click()
    await expect.poll(() => readFile(join(vault, 'deleted.md'), 'utf8').catch(() => null)).toBe(FILES['deleted.md'])
    await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor()
    expect(await page.getByTestId('deleted-banner').count()).toBe(0)
  })

  it('follows a post another program moves while it is open, and saves it at the new path', async () => {
    const vault = await makeVault()
    const { page } = await launch(vault)
    await openPost(page, 'clean.md', 'Clean')
    await mkdir(join(vault, 'moved'))
    await rename(join(vault, 'clean.md'), join(vault, 'moved/renamed.md'))
    await expect.poll(() => page.getByTestId('editor-path').textContent(), { timeout: 10_000 }).toBe('moved/renamed.md')
    await cursorAfter(page, 'Fifth paragraph')
    await page.keyboard.type(' Edited after the move.')
    await page.keyboard.press('Control+s')
    await expect.poll(() => readFile(join(vault, 'moved/renamed.md'), 'utf8')).toContain('the last. Edited after the move.')
    expect(await page.getByTestId('deleted-banner').count()).toBe(0)
  })

  it('shows main\'s message when the folder is unplugged, keeps every character, and saves once it is back', async () => {
    const vault = await makeVault()
    const { page } = await launch(vault)
    await openPost(page, 'clean.md', 'Clean')
    await rename(vault, `${vault}-unplugged`)
    cleanups.push(() => rm(`${vault}-unplugged`, { recursive: true, force: true, maxRetries: 5 }))
    await cursorAfter(page, 'Third paragraph')
    await page.keyboard.type(' 拔掉磁盘时输入 typed while unplugged.')
    await page.keyboard.press('Control+s')
    const banner = page.getByTestId('save-error-banner')
    await banner.waitFor({ timeout: 10_000 })
    expect(await banner.textContent()).toMatch(/cannot be reached/)
    expect(await editorText(page)).toContain('Third paragraph. 拔掉磁盘时输入 typed while unplugged.')
    await rename(`${vault}-unplugged`, vault)
    await banner.getByTestId('save-retry').click()
    await expect.poll(() => readFile(join(vault, 'clean.md'), 'utf8')).toContain('Third paragraph. 拔掉磁盘时输入 typed while unplugged.')
  })

  it('offers a backup after a crash, and restoring it brings the text back and saves it', async () => {
    const vault = await makeVault()
    const userData = await mkdtemp(join(tmpdir(), 'lemma-e2e-userdata-'))
    cleanups.push(() => rm(userData, { recursive: true, force: true, maxRetries: 5 }))
    const first = await launch(vault, { userData })
    await openPost(first.page, 'crash.md', 'Crash')
    // The save never reaches the disk: the app dies first.
    await first.page.evaluate(() => {
      const api = (window as unknown as { api: { vault: { savePost: () => Promise<never> } } }).api
      api.vault.savePost = () => new Promise<never>(() => {})
    })
    await cursorAfter(first.page, 'Third paragraph')
    await first.page.keyboard.type(' 崩溃前的文字 typed before the crash.')
    await expect.poll(async () => (await first.services.handlers.recovery.list()).length, { timeout: 10_000 }).toBe(1)
    await first.close()
    expect(await readFile(join(vault, 'crash.md'), 'utf8')).toBe(FILES['crash.md'])

    const { page } = await launch(vault, { userData })
    const dialog = page.getByTestId('recovery-dialog')
    await dialog.waitFor()
    await expect.poll(() => dialog.getByTestId('recovery-preview').textContent()).toContain('崩溃前的文字')
    await dialog.getByTestId('recovery-restore').click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => editorText(page)).toContain('Third paragraph. 崩溃前的文字 typed before the crash.')
    expect(await readFile(join(vault, 'crash.md'), 'utf8')).toContain('Third paragraph. 崩溃前的文字 typed before the crash.')
  })

  it('lists a saved version in the history and restores it', async () => {
    const vault = await makeVault()
    const { page } = await launch(vault)
    await openPost(page, 'history.md', 'History')
    await cursorAfter(page, 'Fifth paragraph')
    await page.keyboard.type(' Added later.')
    await page.keyboard.press('Control+s')
    await expect.poll(() => readFile(join(vault, 'history.md'), 'utf8')).toContain('Added later.')
    await page.getByTestId('history-button').click()
    const dialog = page.getByTestId('history-dialog')
    await expect.poll(() => dialog.getByTestId('history-entry').count()).toBe(2)
    await page.screenshot({ path: join(tmpdir(), 'lemma-history.png') })
    // The older version is selected: its diff shows the line added since.
    await expect.poll(() => dialog.getByTestId('diff-added').first().textContent()).toContain('Added later.')
    await dialog.getByTestId('history-restore').click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => readFile(join(vault, 'history.md'), 'utf8')).toBe(FILES['history.md'])
    expect(await editorText(page)).not.toContain('Added later.')
  })

  it('shows indexing progress and the newest posts while a cold open of 2,000 posts indexes', async () => {
    const small = await makeVault()
    const corpus = await mkdtemp(join(tmpdir(), 'lemma-e2e-corpus-'))
    cleanups.push(() => rm(corpus, { recursive: true, force: true, maxRetries: 5 }))
    generateCorpus(2000, 42, corpus)
    const { page } = await launch(small, { chooseFolder: async () => corpus })
    // Samples what the window shows at every frame while the other folder opens.
    await page.evaluate(() => {
      const samples: Array<{ progress: string | null; posts: number; top: string | null }> = []
      ;(window as unknown as { __samples: typeof samples }).__samples = samples
      const sample = () => {
        const progress = document.querySelector('[data-testid="index-progress"]')
        const items = document.querySelectorAll('[data-testid="post-item"]')
        const posts = items.length
        const top = items[0]?.getAttribute('data-path') ?? null
        const last = samples.at(-1)
        const text = progress ? `${progress.getAttribute('data-phase')} ${progress.textContent}` : null
        if (!last || last.progress !== text || last.posts !== posts || last.top !== top) samples.push({ progress: text, posts, top })
        requestAnimationFrame(sample)
      }
      sample()
    })
    await page.getByTestId('open-folder').click()
    await page.getByTestId('index-progress').waitFor({ timeout: 20_000 })
    await page.getByTestId('index-progress').waitFor({ state: 'detached', timeout: 60_000 })
    // The last batches can still be rendering when the progress card leaves, on a busy machine.
    await expect.poll(() => page.getByTestId('post-count').textContent(), { timeout: 15_000 }).toBe('2,000')
    const samples = await page.evaluate(() => (window as unknown as { __samples: Array<{ progress: string | null; posts: number; top: string | null }> }).__samples)
    const whileIndexing = samples.filter((s) => s.progress !== null && /indexing.*\d+ \/ 2,000/.test(s.progress) && s.posts > 0 && s.posts < 2000)
    expect(whileIndexing.length).toBeGreaterThan(0)
    // Files are parsed newest first, so the newest post of all tops the list before indexing ends.
    const newest = await page.locator('[data-testid="post-item"]').first().getAttribute('data-path')
    expect(whileIndexing.some((s) => s.top === newest)).toBe(true)
  })
})
