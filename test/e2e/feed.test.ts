import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PostSummary } from '../../src-shared/model/post'
import { sortFeed } from '../../src-renderer/features/feed/sort-feed'
import { copyVault, launchApp, launchChromium, type AppHarness } from './harness'
import { corpusGenerator } from '../support/corpus'

const GENERATOR = corpusGenerator()
const PAGE_SIZE = 20
const CUT_FORMULA = '\\sum_{i=1}^{n} x_i^2 + \\frac{\\alpha}{\\beta}'

/** Small posts for the excerpt rules, dated after the whole corpus so they lead the feed. */
const FIXTURES: Record<string, string> = {
  'fixtures/more.md': [
    '---', 'title: "11. 盛最多水的容器"', 'date: 2099-01-11 10:00:00', 'categories:', '  - [算法, 双指针]', 'tags: [fixture, LeetCode]', '---', '',
    '左右指针分别指向数组的两端，容量为 \\(\\min(1,7) * 8 = 8\\)。', '', '<!-- more -->', '', 'AFTER-THE-MORE-MARKER should not be in the excerpt.', '',
  ].join('\n'),
  'fixtures/front-excerpt.md': [
    '---', 'title: "Reparameterization"', 'date: 2099-01-10 10:00:00', 'categories: 概率论', 'tags: [fixture]',
    'excerpt: "FRONT-MATTER-EXCERPT with $z = \\\\mu + \\\\sigma \\\\epsilon$"', '---', '', 'BODY-TEXT-NOT-SHOWN in the card.', '',
  ].join('\n'),
  'fixtures/code.md': [
    '---', 'title: "Python generators"', 'date: 2099-01-09 10:00:00', 'tags: [fixture]', '---', '',
    'Before the code.', '', '```python', 'def count():', '    yield 1', '```', '', 'After the code.', '',
  ].join('\n'),
  'fixtures/cut.md': [
    '---', 'title: "截断处的公式"', 'date: 2099-01-08 10:00:00', 'tags: [fixture]', '---', '',
    `${'扩散模型的前向过程逐步加入高斯噪声'.repeat(11)} $${CUT_FORMULA}$ 之后还有很多文字。`, '',
  ].join('\n'),
  'fixtures/draft.md': [
    '---', 'title: "Gumbel-softmax 草稿"', 'date: 2099-01-07 10:00:00', 'draft: true', 'categories: 概率论', 'tags: [fixture]', '---', '',
    'The trick: $y = \\operatorname{softmax}((\\log \\pi + g)/\\tau)$.', '',
  ].join('\n'),
}

let browser: Browser
let base: string

beforeAll(async () => {
  browser = await launchChromium()
  base = await mkdtemp(join(tmpdir(), 'lemma-feed-corpus-'))
  execFileSync(process.execPath, [GENERATOR, '--n', '200', '--seed', '42', '--out', base], { stdio: 'ignore' })
  await mkdir(join(base, 'fixtures'))
  for (const [path, text] of Object.entries(FIXTURES)) await writeFile(join(base, path), text)
})
afterAll(async () => {
  await browser?.close()
  await rm(base, { recursive: true, force: true, maxRetries: 5 })
})

async function open(options: { locale?: string } = {}): Promise<AppHarness & { dispose: () => Promise<void> }> {
  const vault = await copyVault(base)
  const app = await launchApp(browser, { vault, ...options })
  app.page.setDefaultTimeout(5000)
  await app.page.getByTestId('feed-card').first().waitFor()
  return { ...app, dispose: async () => { await app.close(); await rm(vault, { recursive: true, force: true, maxRetries: 5 }) } }
}

/** The paths of every card of the current page (or the whole scroll), scrolling through the virtualized list to see them all. */
const cardPaths = (page: Page) =>
  page.getByTestId('feed-list').evaluate(async (list) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    const byIndex = new Map<number, string>()
    list.scrollTop = 0
    await frame()
    for (let step = 0; step < 200; step++) {
      for (const row of list.querySelectorAll('[data-index]')) {
        byIndex.set(Number(row.getAttribute('data-index')), row.querySelector('[data-testid="feed-card"]')!.getAttribute('data-path')!)
      }
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) break
      list.scrollTop += list.clientHeight
      await frame()
    }
    list.scrollTop = 0
    await frame()
    return [...byIndex].sort(([a], [b]) => a - b).map(([, path]) => path)
  })
const firstCard = (page: Page) => page.getByTestId('feed-card').first().getAttribute('data-path')
const shownCount = async (page: Page) => Number(await page.getByTestId('feed-count').getAttribute('data-count'))
const card = (page: Page, path: string) => page.locator(`[data-testid="feed-card"][data-path="${path}"]`)
const posts = (app: AppHarness): PostSummary[] => app.services.currentSession()!.listPosts()

describe('the update feed, on one generated corpus', () => {
  let app: AppHarness & { dispose: () => Promise<void> }
  beforeAll(async () => { app = await open() })
  afterAll(async () => { await app?.dispose() })

  it('shows the newest posts first, one page at a time, and orders by last update on request', async () => {
    const { page } = app
    const all = sortFeed(posts(app), 'date').map((p) => p.path)
    expect(all.length).toBe(205)
    expect(await cardPaths(page)).toEqual(all.slice(0, PAGE_SIZE))
    expect(await page.getByTestId('feed').getAttribute('data-pages')).toBe(String(Math.ceil(all.length / PAGE_SIZE)))

    await page.locator('[data-testid="page-button"][data-page="2"]').click()
    await expect.poll(() => firstCard(page)).toBe(all[PAGE_SIZE])
    await page.getByTestId('page-next').click()
    await expect.poll(() => firstCard(page)).toBe(all[2 * PAGE_SIZE])
    await page.locator('[data-testid="page-button"][data-page="11"]').click()
    await expect.poll(() => cardPaths(page)).toEqual(all.slice(10 * PAGE_SIZE))

    // The page size is a setting.
    await page.getByTestId('feed-settings').click()
    await page.getByTestId('settings-page-size').selectOption('50')
    await page.getByTestId('settings-done').click()
    await expect.poll(() => page.getByTestId('feed').getAttribute('data-pages')).toBe('5')
    await expect.poll(() => firstCard(page)).toBe(all[0])
    await expect(app.services.handlers.settings.get()).resolves.toMatchObject({ feedPageSize: 50 })

    await page.getByTestId('feed-sort-updated').click()
    const byUpdate = sortFeed(posts(app), 'updated').map((p) => p.path)
    await expect.poll(() => firstCard(page)).toBe(byUpdate[0])
    expect((await cardPaths(page)).slice(0, 10)).toEqual(byUpdate.slice(0, 10))
    await page.getByTestId('feed-sort-date').click()
    await page.getByTestId('feed-settings').click()
    await page.getByTestId('settings-page-size').selectOption(String(PAGE_SIZE))
    await page.getByTestId('settings-done').click()
  })

  it('filters by category, subcategory, tag, folder, year and month, and hides drafts', async () => {
    const { page } = app
    const everything = posts(app)
    const check = async (testId: string, key: string, expected: PostSummary[]) => {
      await page.locator(`[data-testid="${testId}"][data-key="${key}"]`).click()
      await expect.poll(() => shownCount(page)).toBe(expected.length)
      expect(await cardPaths(page)).toEqual(sortFeed(expected, 'date').slice(0, PAGE_SIZE).map((p) => p.path))
      await page.locator(`[data-testid="${testId}"][data-key="${key}"]`).click()
      await expect.poll(() => shownCount(page)).toBe(everything.length)
    }
    await check('filter-category', '数学', everything.filter((p) => p.categories.some((c) => c[0] === '数学')))
    await page.getByTestId('filter-tags-all').click()
    await check('filter-tag', 'fixture', everything.filter((p) => p.tags.includes('fixture')))
    await check('filter-folder', 'Python', everything.filter((p) => p.path.startsWith('Python/')))

    // A subcategory sits under its parent in the tree.
    await page.locator('[data-testid="filter-category"][data-key="算法"]').locator('xpath=..').locator('.facet-tree__twisty').click()
    await check('filter-category', '算法›双指针', everything.filter((p) => p.path === 'fixtures/more.md'))

    const in2021 = everything.filter((p) => new Date(p.date).getFullYear() === 2021)
    await check('filter-archive', '2021', in2021)
    const month = new Date(in2021[0].date).getMonth() + 1
    await page.locator('[data-testid="filter-archive"][data-key="2021"]').locator('xpath=..').locator('.facet-tree__twisty').click()
    const monthKey = `2021-${String(month).padStart(2, '0')}`
    await check('filter-archive', monthKey, in2021.filter((p) => new Date(p.date).getMonth() + 1 === month))

    await card(page, 'fixtures/draft.md').getByTestId('feed-card-draft').waitFor()
    await page.getByTestId('drafts-hide').click()
    await card(page, 'fixtures/draft.md').waitFor({ state: 'detached' })
    await expect.poll(() => shownCount(page)).toBe(everything.length - 1)
    await page.getByTestId('drafts-show').click()
    await card(page, 'fixtures/draft.md').waitFor()
  })

  it('follows the excerpt rules: <!-- more -->, front matter, the code marker, a whole formula at the cut', async () => {
    const { page } = app
    const excerpt = (path: string) => card(page, path).getByTestId('feed-card-excerpt')
    const more = await excerpt('fixtures/more.md').textContent()
    expect(more).toContain('左右指针分别指向数组的两端')
    expect(more).not.toContain('AFTER-THE-MORE-MARKER')
    expect(await excerpt('fixtures/more.md').locator('.katex').count()).toBe(1)

    const front = await excerpt('fixtures/front-excerpt.md').textContent()
    expect(front).toContain('FRONT-MATTER-EXCERPT')
    expect(front).not.toContain('BODY-TEXT-NOT-SHOWN')
    expect(await excerpt('fixtures/front-excerpt.md').locator('.katex').count()).toBe(1)

    const code = excerpt('fixtures/code.md')
    expect(await code.locator('.excerpt-marker--code').textContent()).toBe('[code]')
    expect(await code.textContent()).toMatch(/Before the code\. \[code\] After the code\./)

    const cut = excerpt('fixtures/cut.md')
    expect(await cut.locator('annotation[encoding="application/x-tex"]').textContent()).toBe(CUT_FORMULA)
    expect(await cut.locator('.katex-error, .math-error').count()).toBe(0)
    expect((await cut.textContent())!.trimEnd().endsWith('…')).toBe(true)
    expect(await cut.textContent()).not.toContain('之后还有很多文字')
  })

  it('opens a post by click or by keyboard, and goes back to the feed', async () => {
    const { page } = app
    const all = sortFeed(posts(app), 'date')
    await card(page, all[1].path).getByTestId('feed-card-title').click()
    await expect.poll(() => page.locator('[data-testid="editor"] .cm-content').textContent()).toContain(all[1].title)
    expect(await page.getByTestId('feed').isHidden()).toBe(true)

    await page.getByTestId('sidebar-feed').click()
    await page.getByTestId('feed').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('feed-list')
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.locator('[data-testid="feed-card"][aria-selected="true"]').getAttribute('data-path')).toBe(all[2].path)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.locator('[data-testid="feed-card"][aria-selected="true"]').getAttribute('data-path')).toBe(all[PAGE_SIZE].path)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-testid="editor"] .cm-content').textContent()).toContain(all[PAGE_SIZE].title)
    await page.getByTestId('sidebar-feed').click()
    await page.getByTestId('feed').waitFor()
  })

  it('looks finished in the light and dark themes', async () => {
    const { page } = app
    await page.getByTestId('page-previous').click()
    await expect.poll(() => page.getByTestId('feed').getAttribute('data-page')).toBe('1')
    await page.mouse.move(0, 0)
    await page.emulateMedia({ colorScheme: 'light' })
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(tmpdir(), 'lemma-feed-light.png') })
    await page.emulateMedia({ colorScheme: 'dark' })
    // Let the colour transitions finish.
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(tmpdir(), 'lemma-feed-dark.png') })
    const background = await page.getByTestId('feed-card').first().evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).not.toBe('rgb(255, 255, 255)')
    await page.emulateMedia({ colorScheme: 'light' })
  })
})

describe('the update feed, live', () => {
  let app: (AppHarness & { dispose: () => Promise<void> }) | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  it('shows a post another program writes, keeps the reader’s place, and drops a deleted post', async () => {
    app = await open()
    const { page, vault } = app
    await page.getByTestId('feed-layout-scroll').click()
    const list = page.getByTestId('feed-list')
    await list.evaluate((el) => { el.scrollTop = 3000 })
    await page.waitForTimeout(200)
    const anchor = await list.evaluate((el) => {
      const top = el.getBoundingClientRect().top
      const cards = [...el.querySelectorAll('[data-testid="feed-card"]')]
      const first = cards.find((c) => c.getBoundingClientRect().bottom > top + 1)!
      return { path: first.getAttribute('data-path')!, top: first.getBoundingClientRect().top }
    })

    await writeFile(join(vault, 'outside.md'), '---\ntitle: "外部写入 Outside write"\ndate: 2100-01-01 00:00:00\ntags: [outside]\n---\n\nWritten by another program, $e^{i\\pi} + 1 = 0$.\n')
    await expect.poll(() => posts(app!).some((p) => p.path === 'outside.md'), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => shownCount(page)).toBe(206)
    const after = await card(page, anchor.path).evaluate((el) => el.getBoundingClientRect().top)
    expect(Math.abs(after - anchor.top)).toBeLessThan(2)

    // Reading a post and coming back to the feed keeps the place as well.
    const visible = await list.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return [...el.querySelectorAll('[data-testid="feed-card"]')].find((c) => c.getBoundingClientRect().top >= box.top)!.getAttribute('data-path')!
    })
    await card(page, visible).getByTestId('feed-card-title').click()
    await page.getByTestId('feed').waitFor({ state: 'hidden' })
    await page.getByTestId('sidebar-feed').click()
    await page.getByTestId('feed').waitFor()
    await expect.poll(() => card(page, anchor.path).evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBe(Math.round(after))

    await list.evaluate((el) => { el.scrollTop = 0 })
    await expect.poll(() => firstCard(page)).toBe('outside.md')
    expect(await card(page, 'outside.md').locator('.katex').count()).toBe(1)

    await unlink(join(vault, 'outside.md'))
    await card(page, 'outside.md').waitFor({ state: 'detached', timeout: 15_000 })
    await expect.poll(() => shownCount(page)).toBe(205)
  })

  it('creates a new post in the category the feed shows, then opens it', async () => {
    app = await open()
    const { page, vault } = app
    await page.locator('[data-testid="filter-category"][data-key="概率论"]').click()
    await page.getByTestId('feed-new-post').click()
    await expect.poll(() => page.locator('#new-post-title-hint').textContent()).toContain('Category: 概率论')
    await page.getByTestId('new-post-title-input').fill('Score matching 笔记')
    await page.getByTestId('new-post-submit').click()
    await expect.poll(() => page.locator('[data-testid="editor"] .cm-content').textContent()).toContain('Score matching 笔记')
    const created = posts(app).find((p) => p.title === 'Score matching 笔记')!
    expect(created.categories).toEqual([['概率论']])
    expect(await readFile(join(vault, created.path), 'utf8')).toMatch(/categories:\n {2}- "概率论"\n/)
    await page.getByTestId('sidebar-feed').click()
    await card(page, created.path).waitFor()
  })

  it('speaks Chinese when the system does, with “[代码]” and Chinese dates, and switches language in settings', async () => {
    app = await open({ locale: 'zh-CN' })
    const { page } = app
    expect(await page.locator('.feed-header__title').textContent()).toBe('最新')
    expect(await page.getByTestId('sidebar-feed').textContent()).toBe('最新')
    expect(await page.getByTestId('page-next').textContent()).toBe('下一页')
    expect(await page.getByTestId('feed-filters').textContent()).toContain('分类')
    expect(await card(page, 'fixtures/code.md').locator('.excerpt-marker--code').textContent()).toBe('[代码]')
    expect(await card(page, 'fixtures/more.md').getByTestId('feed-card-date').textContent()).toBe('2099年1月11日')
    expect(await card(page, 'fixtures/more.md').getByTestId('feed-card-length').textContent()).toContain('分钟')
    await page.screenshot({ path: join(tmpdir(), 'lemma-feed-zh.png') })

    await page.getByTestId('feed-settings').click()
    await page.getByTestId('settings-language').selectOption('en')
    await page.getByTestId('settings-done').click()
    await expect.poll(() => page.locator('.feed-header__title').textContent()).toBe('Latest')
    expect(await card(page, 'fixtures/code.md').locator('.excerpt-marker--code').textContent()).toBe('[code]')
    expect(await app.services.handlers.settings.get()).toMatchObject({ language: 'en' })
  })
})
