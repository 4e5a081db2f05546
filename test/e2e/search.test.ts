import { readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands } from '../../src-shared/commands'
import type { SearchHit } from '../../src-shared/search/search-types'
import { copyVault, launchApp, launchChromium, type AppHarness } from './harness'

const SAMPLE = resolve('resources/sample-vault')
const KL = 'probability/kl-divergence-and-jensen.md'
const KL_TITLE = 'KL 散度与 Jensen 不等式'
const WELCOME = '写在前面.md'
const AUTOREGRESSIVE = 'deep-learning/autoregressive-models.md'
const AUTOREGRESSIVE_TITLE = '自回归模型：链式法则、Teacher Forcing 与温度采样'

let browser: Browser
let app: AppHarness
let vault: string

beforeAll(async () => {
  browser = await launchChromium()
  vault = await copyVault(SAMPLE)
  app = await launchApp(browser, { vault })
  app.page.setDefaultTimeout(5000)
  await app.page.getByTestId('sidebar-feed').waitFor()
})
afterAll(async () => {
  await app?.close()
  await browser?.close()
  await rm(vault, { recursive: true, force: true, maxRetries: 5 })
})

const rowPaths = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}-row"]`).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-path')))
const editorPath = (page: Page) => page.getByTestId('editor-path').textContent()
/** The text selected in the focused editor (CodeMirror mirrors its selection into the DOM). */
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

async function search(page: Page, query: string): Promise<SearchHit[]> {
  await page.getByTestId('search-input').fill(query)
  const expected = await app.services.handlers.search.query(query, { limit: 50, snippetHits: 50, snippetsPerHit: 3 })
  expect(expected.hits.length).toBeGreaterThan(0)
  await expect.poll(() => rowPaths(page, 'search')).toEqual(expected.hits.map((hit) => hit.path))
  return expected.hits
}

describe('finding and following posts in Chromium, on the sample vault', () => {
  it('searches Chinese substrings, English prefixes and mixed queries as you type, and opens a result at its match', async () => {
    const { page } = app
    await page.keyboard.press('Control+Shift+F')
    await page.getByTestId('search-help').waitFor()

    // A Chinese substring crossing word boundaries, an English prefix, a mixed query: main's answer is what the panel lists.
    const chinese = await search(page, '参数化技')
    expect(chinese.map((hit) => hit.path)).toContain('deep-learning/reparameterization-and-gumbel-softmax.md')
    const english = await search(page, 'reparam')
    expect(english.length).toBeGreaterThan(1)
    const mixed = await search(page, '温度 Gumbel')
    await page.locator('[data-testid="search-row"] mark').first().waitFor()
    expect(await page.getByTestId('search-status').textContent()).toMatch(/posts?|篇/)

    // Enter opens the selected post with the editor's selection on the first match of its best snippet.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    const hit = mixed[0]
    const snippet = hit.snippets![0]
    const [start, end] = snippet.ranges[0]
    await page.keyboard.press('Enter')
    await page.getByTestId('search').waitFor({ state: 'detached' })
    await expect.poll(() => editorPath(page)).toBe(hit.path)
    await expect.poll(() => selectedText(page)).toBe(snippet.text.slice(start, end))
    expect(await page.getByTestId('cursor-position').textContent()).toContain(`Ln ${snippet.line},`)

    // The panel keeps its query; a click on another snippet opens at that one.
    await page.keyboard.press('Control+Shift+F')
    expect(await page.getByTestId('search-input').inputValue()).toBe('温度 Gumbel')
    await page.getByTestId('search-input').fill('"shared macros"')
    const phrase = await app.services.handlers.search.query('"shared macros"', { limit: 50, snippetHits: 50 })
    await expect.poll(() => rowPaths(page, 'search')).toEqual(phrase.hits.map((h) => h.path))
    const target = phrase.hits[0].snippets![0]
    await page.locator(`[data-testid="search-row"][data-path="${phrase.hits[0].path}"] [data-testid="search-snippet"][data-line="${target.line}"]`).click()
    await expect.poll(() => editorPath(page)).toBe(phrase.hits[0].path)
    await expect.poll(() => selectedText(page)).toBe(target.text.slice(target.ranges[0][0], target.ranges[0][1]))
  })

  it('quick-opens a Chinese title by its pinyin initials, recent posts first', async () => {
    const { page } = app
    const open = await editorPath(page)
    await page.keyboard.press('Control+P')
    // The post opened last leads the list of recent posts.
    await expect.poll(async () => (await rowPaths(page, 'quick-open'))[0]).toBe(open)
    await page.getByTestId('quick-open-input').fill('zhgmx')
    await expect.poll(async () => (await rowPaths(page, 'quick-open'))[0]).toBe(AUTOREGRESSIVE)
    expect(await page.locator('[data-testid="quick-open-row"]').first().locator('mark').count()).toBeGreaterThan(0)
    await page.keyboard.press('Enter')
    await expect.poll(() => editorPath(page)).toBe(AUTOREGRESSIVE)
    expect(await page.getByTestId('editor-title').textContent()).toBe(AUTOREGRESSIVE_TITLE)
  })

  it('lists every command with its shortcut in the palette, and runs one', async () => {
    const { page } = app
    await page.keyboard.press('Control+Shift+P')
    await page.getByTestId('palette-input').waitFor()
    const listed = await page.locator('[data-testid="palette-row"]').evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-command'), row.querySelector('[data-testid="palette-shortcut"]')?.textContent ?? '']),
    )
    const expected = commands.filter((spec) => spec.id !== 'command-palette').map((spec) => [spec.id, spec.shortcut.replace(/^Mod/, 'Ctrl').replace(/-/g, '+').replace(/\+(\w)$/, (_, key: string) => `+${key.toUpperCase()}`)])
    expect(listed).toEqual(expected)
    // Every command can run with a post open, including the editor pane's view commands.
    expect(await page.locator('[data-testid="palette-row"][aria-disabled="true"]').count()).toBe(0)

    await page.getByTestId('palette-input').fill('latest')
    await expect.poll(() => page.locator('[data-testid="palette-row"]').first().getAttribute('data-command')).toBe('show-feed')
    await page.keyboard.press('Enter')
    await page.getByTestId('palette').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('feed').isVisible()).toBe(true)

    // Tags and categories in the sidebar filter the feed.
    const inMath = app.services.currentSession()!.listPosts().filter((post) => post.categories.some((path) => path[0] === '数学'))
    await page.locator('[data-testid="nav-category"][data-key="数学"]').click()
    await expect.poll(async () => Number(await page.getByTestId('feed-count').getAttribute('data-count'))).toBe(inMath.length)
    await page.locator('[data-testid="nav-category"][data-key="数学"]').click()
  })

  it('follows a wiki link with Ctrl+click, shows the backlink, and goes back through it', async () => {
    const { page } = app
    // Open the welcome post at the line linking to the KL post.
    await page.keyboard.press('Control+Shift+F')
    await page.getByTestId('search-input').fill('"shared macros"')
    await expect.poll(() => rowPaths(page, 'search')).toContain(WELCOME)
    await page.locator(`[data-testid="search-row"][data-path="${WELCOME}"]`).click()
    await expect.poll(() => editorPath(page)).toBe(WELCOME)

    const link = page.locator('.cm-content .cm-post-link', { hasText: KL_TITLE }).first()
    await link.waitFor()
    await link.click({ modifiers: ['Control'] })
    await expect.poll(() => editorPath(page)).toBe(KL)

    const backlinks = await app.services.handlers.links.backlinks(KL)
    // One entry per linking line, however many links it holds.
    const linkingLines = new Set(backlinks.map((backlink) => `${backlink.sourcePath}:${backlink.line}`))
    await expect.poll(() => page.locator('[data-testid="backlink"]').count()).toBe(linkingLines.size)
    const fromWelcome = backlinks.find((backlink) => backlink.sourcePath === WELCOME)!
    const row = page.locator(`[data-testid="backlink-group"][data-path="${WELCOME}"] [data-testid="backlink"]`).first()
    expect(await row.textContent()).toContain(`[[${KL_TITLE}]]`)
    await row.click()
    await expect.poll(() => editorPath(page)).toBe(WELCOME)
    await expect.poll(() => selectedText(page)).toBe(`[[${KL_TITLE}]]`)
    expect(await page.getByTestId('cursor-position').textContent()).toContain(`Ln ${fromWelcome.line},`)

    // A relative Markdown link is followed the same way.
    await page.locator('.cm-content .cm-post-link', { hasText: 'python/generators.md' }).first().click({ modifiers: ['Control'] })
    await expect.poll(() => editorPath(page)).toBe('python/generators.md')
  })

  it('completes [[ with titles by pinyin, marks unresolved links, and creates their post on Ctrl+click', async () => {
    const { page } = app
    const from = (await editorPath(page))!
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\n\nSee [[zhgmx')
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: AUTOREGRESSIVE_TITLE })
    // A click picks it (Enter is ignored for a moment after the list changes, so fast typists do not pick by accident).
    await option.click()
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain(`See [[${AUTOREGRESSIVE_TITLE}]]`)

    await page.keyboard.type(' and [[还没有写的文章]].')
    const unresolved = page.locator('.cm-content .cm-post-link--unresolved', { hasText: '还没有写的文章' }).first()
    await unresolved.waitFor()
    expect(await page.locator('.cm-content .cm-post-link--unresolved', { hasText: AUTOREGRESSIVE_TITLE }).count()).toBe(0)
    await unresolved.click({ modifiers: ['Control'] })
    await page.getByTestId('new-post-dialog').waitFor()
    expect(await page.getByTestId('new-post-title-input').inputValue()).toBe('还没有写的文章')
    await page.getByTestId('new-post-submit').click()
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toBe('还没有写的文章')
    const created = app.services.currentSession()!.listPosts().find((post) => post.title === '还没有写的文章')!
    // It is created next to the post that links to it.
    expect(created.path.slice(0, created.path.lastIndexOf('/') + 1)).toBe(from.slice(0, from.lastIndexOf('/') + 1))
  })

  it('offers, never forces, to update links when a title is changed in the front matter', async () => {
    const { page } = app
    const REPARAM = 'deep-learning/reparameterization-and-gumbel-softmax.md'
    const oldTitle = '重参数化技巧与 Gumbel-Softmax'
    const linking = [...new Set((await app.services.handlers.links.backlinks(REPARAM)).map((b) => b.sourcePath))].filter((path) => path !== REPARAM)
    await page.keyboard.press('Control+P')
    await page.getByTestId('quick-open-input').fill('reparameterization-and')
    await expect.poll(async () => (await rowPaths(page, 'quick-open'))[0]).toBe(REPARAM)
    await page.keyboard.press('Enter')
    await expect.poll(() => editorPath(page)).toBe(REPARAM)

    await page.locator('[data-testid="editor"] .cm-line', { hasText: 'title:' }).first().click()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type('（第二版）')
    await page.keyboard.press('Control+s')
    await page.getByTestId('title-change-offer').waitFor()
    for (const path of linking) expect(await readFile(join(vault, path), 'utf8')).toContain(`[[${oldTitle}]]`)

    await page.getByTestId('title-change-review').click()
    await expect.poll(() => page.locator('[data-testid="rename-plan-file"]').evaluateAll((files) => files.map((f) => f.getAttribute('data-path')).sort())).toEqual([...linking].sort())
    await page.getByTestId('rename-apply').click()
    await page.getByTestId('rename-result').waitFor()
    for (const path of linking) expect(await readFile(join(vault, path), 'utf8')).toContain(`[[${oldTitle}（第二版）]]`)
    await page.getByTestId('rename-close').click()
    await page.getByTestId('title-change-offer').waitFor({ state: 'detached' })
  })

  it('renames a post by title and by file name, updating the links in other files on disk', async () => {
    const { page } = app
    await page.keyboard.press('Control+P')
    await page.getByTestId('quick-open-input').fill('kl-divergence')
    await expect.poll(async () => (await rowPaths(page, 'quick-open'))[0]).toBe(KL)
    await page.keyboard.press('Enter')
    await expect.poll(() => editorPath(page)).toBe(KL)

    const newTitle = 'KL 散度和 Jensen 不等式（修订）'
    const linking = [...new Set((await app.services.handlers.links.backlinks(KL)).filter((b) => b.kind === 'wiki').map((b) => b.sourcePath))]
    await page.getByTestId('rename-post').click()
    await page.getByTestId('rename-input').fill(newTitle)
    await expect.poll(() => page.locator('[data-testid="rename-plan-file"]').evaluateAll((files) => files.map((f) => f.getAttribute('data-path')).sort())).toEqual([...linking].sort())
    await page.getByTestId('rename-apply').click()
    await page.getByTestId('rename-result').waitFor()
    for (const path of linking) {
      const text = await readFile(join(vault, path), 'utf8')
      expect(text).toContain(`[[${newTitle}]]`)
      expect(text).not.toContain(`[[${KL_TITLE}]]`)
    }
    expect(await readFile(join(vault, KL), 'utf8')).toContain(`title: "${newTitle}"`)
    await page.getByTestId('rename-close').click()

    // A file rename rewrites relative Markdown links, and the editor follows the post.
    const GENERATORS = 'python/generators.md'
    await page.keyboard.press('Control+P')
    await page.getByTestId('quick-open-input').fill('python/gen')
    await expect.poll(async () => (await rowPaths(page, 'quick-open'))[0]).toBe(GENERATORS)
    await page.keyboard.press('Enter')
    await expect.poll(() => editorPath(page)).toBe(GENERATORS)
    await page.keyboard.press('F2')
    await page.getByTestId('rename-mode-file-name').click()
    await page.getByTestId('rename-input').fill('python-generators')
    await expect.poll(() => page.locator('[data-testid="rename-plan-file"]').count()).toBe(2)
    await page.getByTestId('rename-apply').click()
    await page.getByTestId('rename-result').waitFor()
    expect(await readFile(join(vault, WELCOME), 'utf8')).toContain('](python/python-generators.md)')
    expect(await readFile(join(vault, AUTOREGRESSIVE), 'utf8')).toContain('](../python/python-generators.md)')
    await page.getByTestId('rename-close').click()
    await expect.poll(() => editorPath(page)).toBe('python/python-generators.md')
  })
})
