import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchApp, launchChromium, type AppHarness } from './harness'

const DIFFUSION = 'ml/diffusion.md'
const INDEX = 'index.md'
/** A line of the index holding three links to the diffusion post. */
const THREE_LINKS = 'Heading: [[扩散模型#前向过程]]. Alias: [[扩散模型#The DDPM Loss|the loss]]. Relative: [rel loss](ml/diffusion.md#the-ddpm-loss).'

/** Sections long enough that every heading below the first is out of view when the post opens. */
function filler(name: string): string {
  return Array.from({ length: 14 }, (_, i) => `${name} paragraph ${i + 1}: ${'the forward process adds a little noise at every step, 扩散模型逐步加噪。 '.repeat(3)}`).join('\n\n')
}

const FILES: Record<string, string> = {
  [DIFFUSION]: post('扩散模型', [
    '## 引言',
    '',
    filler('Intro'),
    '',
    '## 前向过程',
    '',
    'The forward process $q(x_t \\mid x_{t-1})$.',
    '',
    filler('Forward'),
    '',
    '## The *DDPM* Loss',
    '',
    filler('Loss'),
    '',
  ]),
  [INDEX]: post('Index', [
    THREE_LINKS,
    '',
    'Missing heading: [[扩散模型#没有这一节]]. Unresolved: [[Ghost Post]]. Within: [[#Far Section]] and [jump down](#far-section).',
    '',
    'Hostile: [escape](../../outside.md), [absolute](/etc/passwd.md), [web md](https://example.com/notes.md).',
    '',
    filler('Index'),
    '',
    '## Far Section',
    '',
    filler('Far'),
    '',
  ]),
  // Keeps the feed non-trivial: the index is not the only post linking to the diffusion post.
  'other.md': post('Other', ['See [[扩散模型]].', '']),
}

function post(title: string, lines: string[]): string {
  return `---\ntitle: "${title}"\ndate: 2026-01-01 10:00:00\n---\n\n${lines.join('\n')}`
}

/** One-based line of `text` in a fixture file, as the status bar counts. */
function lineOf(path: string, text: string): number {
  const lines = FILES[path].split('\n')
  const index = lines.findIndex((line) => line === text)
  if (index < 0) throw new Error(`${text} is not a line of ${path}`)
  return index + 1
}

let browser: Browser
let app: AppHarness
let vault: string

beforeAll(async () => {
  browser = await launchChromium()
  vault = await mkdtemp(join(tmpdir(), 'lemma-e2e-links-'))
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(vault, path)), { recursive: true })
    await writeFile(join(vault, path), text)
  }
  app = await launchApp(browser, { vault })
  app.page.setDefaultTimeout(5000)
  await app.page.waitForSelector('[data-testid="post-item"]')
})

afterAll(async () => {
  await app?.close()
  await browser?.close()
  await rm(vault, { recursive: true, force: true, maxRetries: 5 })
})

beforeEach(async () => {
  // Each test starts from the index in the split layout, with no notice or dialog left over.
  const { page } = app
  await page.keyboard.press('Escape')
  for (const close of await page.locator('.notice__close').all()) await close.click()
  await page.getByTestId('layout-split').click().catch(() => {})
  await openPost(page, INDEX, 'Index')
  await page.getByTestId('layout-split').click()
})

const preview = (page: Page) => page.getByTestId('preview')
const editorPath = (page: Page) => page.getByTestId('editor-path').textContent()
const cursorLine = async (page: Page) => Number(/(\d+)/.exec((await page.getByTestId('cursor-position').textContent()) ?? '')?.[1])

async function openPost(page: Page, path: string, title: string): Promise<void> {
  await page.locator(`[data-testid="post-item"][data-path="${path}"]`).click()
  await expect.poll(() => page.getByTestId('editor-title').textContent()).toBe(title)
  await preview(page).locator('.lemma-block').first().waitFor()
}

/** How far below the top of its scroller an element's top is, in pixels. */
function offsetInScroller(page: Page, scroller: string, element: string): Promise<number | null> {
  return page.evaluate(
    ([scrollerSelector, elementSelector]) => {
      const host = document.querySelector(scrollerSelector)
      const target = Array.from(document.querySelectorAll(elementSelector.split('::')[0])).find((e) => e.textContent?.trim() === elementSelector.split('::')[1])
      if (!host || !target) return null
      return target.getBoundingClientRect().top - host.getBoundingClientRect().top
    },
    [scroller, element] as const,
  )
}

const previewHeadingOffset = (page: Page, text: string) => offsetInScroller(page, '[data-testid="preview-scroller"]', `.lemma-preview h1, .lemma-preview h2, .lemma-preview h3::${text}`)
const editorLineOffset = (page: Page, text: string) => offsetInScroller(page, '[data-testid="editor"] .cm-scroller', `.cm-line::${text}`)
const isNear = (offset: number | null) => offset !== null && offset >= -2 && offset < 120

describe('following links to headings, within and across posts, in Chromium', () => {
  it('opens [[Title#Heading]] clicked in the preview with both sides at the heading', async () => {
    const { page } = app
    await preview(page).getByText('扩散模型#前向过程').click()
    await expect.poll(() => editorPath(page)).toBe(DIFFUSION)
    await expect.poll(() => cursorLine(page)).toBe(lineOf(DIFFUSION, '## 前向过程'))
    await expect.poll(() => editorLineOffset(page, '## 前向过程').then(isNear)).toBe(true)
    await expect.poll(() => previewHeadingOffset(page, '前向过程').then(isNear)).toBe(true)
    expect(await page.evaluate(() => document.querySelector('[data-testid="preview-scroller"]')!.scrollTop)).toBeGreaterThan(300)
  })

  it('opens an aliased heading link (Ctrl+click in the editor) and a relative link with an anchor (click in the preview) alike', async () => {
    const { page } = app
    await page.locator('.cm-content .cm-post-link', { hasText: 'the loss' }).first().click({ modifiers: ['Control'] })
    await expect.poll(() => editorPath(page)).toBe(DIFFUSION)
    await expect.poll(() => cursorLine(page)).toBe(lineOf(DIFFUSION, '## The *DDPM* Loss'))
    await expect.poll(() => previewHeadingOffset(page, 'The DDPM Loss').then(isNear)).toBe(true)

    await openPost(page, INDEX, 'Index')
    await preview(page).getByText('rel loss').click()
    await expect.poll(() => editorPath(page)).toBe(DIFFUSION)
    await expect.poll(() => cursorLine(page)).toBe(lineOf(DIFFUSION, '## The *DDPM* Loss'))
    await expect.poll(() => editorLineOffset(page, '## The *DDPM* Loss').then(isNear)).toBe(true)
  })

  it('opens a post at the top with a notice naming a heading it does not have', async () => {
    const { page } = app
    await preview(page).getByText('扩散模型#没有这一节').click()
    await expect.poll(() => editorPath(page)).toBe(DIFFUSION)
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('没有这一节')])
    expect(await page.getByTestId('notice').textContent()).toContain('扩散模型')
    expect(await cursorLine(page)).toBe(1)
    expect(await page.evaluate(() => document.querySelector('[data-testid="preview-scroller"]')!.scrollTop)).toBe(0)
    expect(await page.locator('dialog[open]').count()).toBe(0)
  })

  it('jumps within the post from [[#Heading]] in the preview and [x](#heading) in the editor', async () => {
    const { page } = app
    const far = lineOf(INDEX, '## Far Section')
    await preview(page).getByText('Far Section', { exact: true }).first().click()
    await expect.poll(() => cursorLine(page)).toBe(far)
    await expect.poll(() => previewHeadingOffset(page, 'Far Section').then(isNear)).toBe(true)
    expect(await editorPath(page)).toBe(INDEX)

    await page.locator('.cm-content').press('Control+Home')
    await expect.poll(() => cursorLine(page)).toBe(1)
    await page.locator('.cm-line', { hasText: 'Missing heading:' }).getByText('jump down').click({ modifiers: ['Control'] })
    await expect.poll(() => cursorLine(page)).toBe(far)
    await expect.poll(() => editorLineOffset(page, '## Far Section').then(isNear)).toBe(true)
  })

  it('scrolls the preview-only layout to the heading', async () => {
    const { page } = app
    await page.getByTestId('layout-preview').click()
    await preview(page).getByText('扩散模型#前向过程').click()
    await expect.poll(() => editorPath(page)).toBe(DIFFUSION)
    await expect.poll(() => previewHeadingOffset(page, '前向过程').then(isNear)).toBe(true)
  })

  it('marks an unresolved link in the preview and creates its post on a click, as Ctrl+click does', async () => {
    const { page } = app
    const ghost = preview(page).locator('a.link-unresolved', { hasText: 'Ghost Post' })
    await ghost.waitFor()
    expect(await preview(page).locator('a.link-unresolved', { hasText: '扩散模型#前向过程' }).count()).toBe(0)
    await ghost.click()
    await page.getByTestId('new-post-dialog').waitFor()
    expect(await page.getByTestId('new-post-title-input').inputValue()).toBe('Ghost Post')
    await page.getByTestId('new-post-submit').click()
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toBe('Ghost Post')
    const path = (await editorPath(page))!
    expect(await readFile(join(vault, path), 'utf8')).toContain('Ghost Post')

    // Back on the index, the link now leads to the new post.
    await openPost(page, INDEX, 'Index')
    await expect.poll(() => preview(page).locator('a.link-unresolved', { hasText: 'Ghost Post' }).count()).toBe(0)
    await preview(page).getByText('Ghost Post').click()
    await expect.poll(() => editorPath(page)).toBe(path)
  })

  it('never follows a link out of the folder, and still asks before an external one', async () => {
    const { page } = app
    for (const text of ['escape', 'absolute']) {
      await preview(page).getByText(text, { exact: true }).click()
      await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('only opens posts inside this folder')])
      expect(await editorPath(page)).toBe(INDEX)
      expect(await page.getByTestId('new-post-dialog').count()).toBe(0)
      await page.locator('.notice__close').click()
    }
    await page.locator('.cm-post-link', { hasText: 'escape' }).click({ modifiers: ['Control'] })
    await expect.poll(() => page.getByTestId('notice').count()).toBe(1)
    expect(await editorPath(page)).toBe(INDEX)
    await expect(access(join(vault, '..', '..', 'outside.md'))).rejects.toThrow()

    await preview(page).getByText('web md').click()
    expect(await page.getByTestId('external-link-url').textContent()).toBe('https://example.com/notes.md')
    await page.getByTestId('external-link-cancel').click()
    expect(app.openedExternally).toEqual([])
  })
})

describe('backlinks in Chromium', () => {
  it('shows a line holding several links to the post as one entry, every link marked, and opens it at the first', async () => {
    const { page } = app
    await openPost(page, DIFFUSION, '扩散模型')
    const line = lineOf(INDEX, THREE_LINKS)
    const entries = page.locator(`[data-testid="backlink-group"][data-path="${INDEX}"] [data-testid="backlink"]`)
    // The three links on the line, and the one to a missing heading two lines down.
    await expect.poll(() => entries.evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-line'), row.getAttribute('data-links')]))).toEqual([
      [String(line), '3'],
      [String(line + 2), '1'],
    ])
    const entry = entries.first()
    expect(await entry.locator('mark').allTextContents()).toEqual(['[[扩散模型#前向过程]]', '[[扩散模型#The DDPM Loss|the loss]]', '[rel loss](ml/diffusion.md#the-ddpm-loss)'])
    // The header still counts links: four from the index, one from the other post.
    expect(await page.getByTestId('backlinks-count').textContent()).toBe('5')

    await entry.click()
    await expect.poll(() => editorPath(page)).toBe(INDEX)
    await expect.poll(() => cursorLine(page)).toBe(line)
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('[[扩散模型#前向过程]]')
  })
})
