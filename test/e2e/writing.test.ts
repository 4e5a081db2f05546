import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, launchChromium, type AppHarness } from './harness'

/** The fixture vault: a folder preamble and one post per scenario. */
const FILES: Record<string, string> = {
  '.lemma/macros.tex': '% Shared macros\n\\newcommand{\\RR}{\\mathbb{R}}\n\\newcommand{\\norm}[1]{\\left\\lVert #1 \\right\\rVert}\n',
  'typing.md': post('Typing', '2026-01-09', 'Start.\n'),
  'broken.md': post('Broken', '2026-01-08', 'Before $x+1$ then $\\frac{a}{$ and after $y^2$ end.\n'),
  'numbers.md': post('Numbers', '2026-01-07', 'Intro.\n\n\\begin{equation}\nE = mc^2 \\label{eq:energy}\n\\end{equation}\n\nEnergy is \\eqref{eq:energy}.\n'),
  'macros.md': post('Macros', '2026-01-06', 'A vector $v \\in \\RR^n$ has length $\\norm{v}$ and $q \\in \\QQ$.\n'),
  'unsafe.md': post(
    'Unsafe',
    '2026-01-05',
    [
      'Safe text.',
      '',
      '<script>window.__pwned = "script"</script>',
      '',
      '<img src="x" onerror="window.__pwned = \'onerror\'; alert(1)">',
      '',
      '[click me](javascript:window.__pwned=\'link\')',
      '',
      '<a href="javascript:window.__pwned=\'html\'" id="html-js-link">html link</a>',
      '',
      '<iframe src="https://example.com"></iframe><form action="https://example.com"><button>Go</button></form>',
      '',
      'End of post.',
      '',
    ].join('\n'),
  ),
  'ime.md': post('IME', '2026-01-04', 'Before $x^2$ after.\n'),
  'links.md': post('Links', '2026-01-03', 'See [[target post]] and [the other one](notes/other.md) and [arXiv](https://arxiv.org/abs/2006.11239).\n'),
  'target.md': post('Target Post', '2026-01-02', 'The target.\n'),
  'notes/other.md': post('Other Note', '2026-01-02', 'Another.\n'),
  'long.md': post('Long', '2026-01-01', longBody(60)),
  'huge.md': post('Huge', '2025-12-31', hugeBody(300_000)),
}

function post(title: string, date: string, body: string): string {
  return `---\ntitle: "${title}"\ndate: ${date} 10:00:00\n---\n\n${body}`
}

/** Sections with a heading, a wrapping paragraph and a tall formula, so blocks differ a lot in height. */
function longBody(sections: number): string {
  const parts: string[] = []
  for (let i = 1; i <= sections; i++) {
    const rows = Array.from({ length: 2 + (i % 5) }, (_, r) => `a_{${i},${r}} &= \\sum_{k=1}^{${r + 2}} \\frac{k^2}{${i}} \\\\`).join('\n')
    parts.push(`## Section ${i}\n\nParagraph ${i}: ${'words that wrap across the narrow column '.repeat(3 + (i % 4))}\n\n$$\n\\begin{aligned}\n${rows}\n\\end{aligned}\n$$\n`)
  }
  return parts.join('\n')
}

/** About `words` words (Chinese characters count one each) of prose, formulas and headings. */
function hugeBody(words: number): string {
  const parts: string[] = []
  for (let i = 0, count = 0; count < words; i++) {
    const prose = `Part ${i} of a very long post: the forward process adds noise $x_{${i}} = \\sqrt{\\alpha}\\,x_0 + \\epsilon$ step by step, 扩散模型逐步加噪。 `.repeat(4)
    parts.push(`## Part ${i}\n\n${prose}\n\n$$\n\\sum_{k=1}^{${i}} k^2 = \\frac{${i}(${i}+1)(2 \\cdot ${i}+1)}{6}\n$$\n`)
    count += 4 * 28 + 12
  }
  return parts.join('\n')
}

let browser: Browser
let app: AppHarness
let vault: string

beforeAll(async () => {
  browser = await launchChromium()
  vault = await mkdtemp(join(tmpdir(), 'lemma-e2e-writing-'))
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(vault, path)), { recursive: true })
    await writeFile(join(vault, path), text)
  }
  app = await launchApp(browser, { vault })
  await app.page.waitForSelector('[data-testid="post-item"]')
})

afterAll(async () => {
  await app?.close()
  await browser?.close()
  await rm(vault, { recursive: true, force: true, maxRetries: 5 })
})

afterEach(async () => {
  // Leave every test's edits on disk, so the next post opens without a pending save.
  await app.page.keyboard.press('Escape')
  await app.page.keyboard.press('Control+s')
})

const preview = (page: Page) => page.getByTestId('preview')

async function openPost(page: Page, path: string, title: string): Promise<void> {
  await page.locator(`[data-testid="post-item"][data-path="${path}"]`).click()
  await expect.poll(() => page.getByTestId('editor-title').textContent()).toBe(title)
  await preview(page).locator('.lemma-block').first().waitFor()
}

/** The TeX of every KaTeX formula in the preview, in order. */
async function previewTex(page: Page): Promise<string[]> {
  return preview(page).locator('.katex annotation').allTextContents()
}

/** The editor's view, reached through CodeMirror's DOM bookkeeping (tests only). */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const content = document.querySelector('[data-testid="editor"] .cm-content') as unknown as { cmTile?: { root?: { view?: { state: { doc: { toString(): string } } } } } }
    const view = content?.cmTile?.root?.view
    if (!view) throw new Error('CodeMirror view not found from the DOM: its internals changed')
    return view.state.doc.toString()
  })
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] .cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

describe('writing math in Chromium', () => {
  it('renders each delimiter typed into the editor in the preview', async () => {
    const { page } = app
    await openPost(page, 'typing.md', 'Typing')
    await typeAtEnd(page, '\nInline $a^2+b^2$ and \\(c_1\\) here.\n\n$$\n\\int_0^1 x\\,dx\n$$\n\n\\[\n\\sum_{k=1}^n k\n\\]\n')
    await expect.poll(() => previewTex(page), { timeout: 10_000 }).toEqual(['a^2+b^2', 'c_1', '\\int_0^1 x\\,dx', '\\sum_{k=1}^n k'])
    expect(await preview(page).locator('.katex-display').count()).toBe(2)
    expect(await preview(page).locator('.math-error').count()).toBe(0)
    // Outside the cursor the editor shows them rendered too.
    await expect.poll(() => page.locator('[data-testid="editor"] .cm-math-widget').count()).toBeGreaterThanOrEqual(3)
  })

  it('shows a broken formula’s error in place while the formulas around it render', async () => {
    const { page } = app
    await openPost(page, 'broken.md', 'Broken')
    const error = preview(page).locator('.math-error')
    await error.waitFor()
    expect(await error.count()).toBe(1)
    expect(await error.locator('.math-error-source').textContent()).toBe('\\frac{a}{')
    expect(await error.locator('.math-error-message').textContent()).toMatch(/expected|end of input|missing/i)
    expect(await previewTex(page)).toEqual(['x+1', 'y^2'])
    expect(await preview(page).textContent()).toContain('end.')
  })

  it('renumbers \\eqref references when a numbered equation is inserted above', async () => {
    const { page } = app
    await openPost(page, 'numbers.md', 'Numbers')
    const reference = preview(page).locator('a.eqref[data-eq-ref="eq:energy"]')
    await expect.poll(() => reference.textContent()).toBe('(1)')
    await page.locator('[data-testid="editor"] .cm-line', { hasText: 'Intro.' }).click()
    await page.keyboard.press('End')
    await page.keyboard.type('\n\n\\begin{equation}\nF = ma \\label{eq:force}\n\\end{equation}')
    await expect.poll(() => reference.textContent(), { timeout: 10_000 }).toBe('(2)')
    const tags = async () => (await preview(page).locator('.katex-display .katex-tag').allTextContents()).map((tag) => tag.replace(/\u200b/g, ''))
    await expect.poll(tags).toEqual(['(1)', '(2)'])
  })

  it('renders macros from the folder preamble, and picks up a changed preamble', async () => {
    const { page } = app
    await openPost(page, 'macros.md', 'Macros')
    // KaTeX shows a command it does not know as red source: the preamble's macros must not appear that way.
    const shown = () => preview(page).locator('.katex-html').allTextContents()
    await expect.poll(() => preview(page).locator('.katex .mathbb').count()).toBe(1)
    const [vector, norm, rational] = await shown()
    expect(vector).not.toContain('\\RR')
    expect(norm).not.toContain('\\norm')
    expect(rational).toContain('\\QQ')
    expect(await previewTex(page)).toEqual(['v \\in \\RR^n', '\\norm{v}', 'q \\in \\QQ'])
    await writeFile(join(vault, '.lemma/macros.tex'), `${FILES['.lemma/macros.tex']}\\newcommand{\\QQ}{\\mathbb{Q}}\n`)
    await page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect.poll(async () => (await shown())[2], { timeout: 10_000 }).not.toContain('\\QQ')
    expect(await preview(page).locator('.katex .mathbb').count()).toBe(2)
    // The editor's inline widgets use the same preamble.
    await expect.poll(() => page.locator('[data-testid="editor"] .cm-math-widget').allTextContents()).toHaveLength(3)
    expect((await page.locator('[data-testid="editor"] .cm-math-widget .katex-html').allTextContents()).join(' ')).not.toMatch(/\\(RR|norm|QQ)/)
  })

  it('lets nothing in a post run script, navigate or leave the app', async () => {
    const { page } = app
    const dialogs: string[] = []
    const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    }
    page.on('dialog', onDialog)
    const url = page.url()
    await openPost(page, 'unsafe.md', 'Unsafe')
    await preview(page).getByText('End of post.').waitFor()
    expect(await preview(page).locator('script, iframe, form, [onerror]').count()).toBe(0)
    await preview(page).getByText('click me').click()
    await preview(page).locator('#html-js-link, a:has-text("html link")').first().click()
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(page.url()).toBe(url)
    expect(app.openedExternally).toEqual([])
    expect(await page.getByTestId('external-link-prompt').count()).toBe(0)
    page.off('dialog', onDialog)
  })

  it('keeps IME composition next to a rendered formula exactly as composed', async () => {
    const { page } = app
    await openPost(page, 'ime.md', 'IME')
    const line = page.locator('[data-testid="editor"] .cm-line', { hasText: 'after.' })
    await line.locator('.cm-math-widget').waitFor()
    const cdp = await page.context().newCDPSession(page)
    const compose = async (steps: string[], text: string) => {
      for (const step of steps) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length })
      if (text) await cdp.send('Input.insertText', { text })
    }
    // One space away from the formula, which stays rendered while the person composes.
    await line.click()
    await page.keyboard.press('End')
    for (let i = 0; i < 'after.'.length; i++) await page.keyboard.press('ArrowLeft')
    expect(await line.locator('.cm-math-widget').count()).toBe(1)
    await compose(['s', 'sh', 'shu', '数', '数x', '数xue', '数学'], '数学')
    await expect.poll(() => editorText(page)).toContain('Before $x^2$ 数学after.\n')
    // Right against the closing dollar: the source shows, and nothing is rendered over the composition as it moves away.
    for (let i = 0; i < ' 数学'.length; i++) await page.keyboard.press('ArrowLeft')
    await compose(['g', 'gong', '公', '公s', '公shi'], '')
    // Mid-composition the cursor has left the formula, yet no widget may appear beside the composed text.
    await page.evaluate(() => new Promise(requestAnimationFrame))
    expect(await line.locator('.cm-math-widget').count()).toBe(0)
    await compose(['公式'], '公式')
    await expect.poll(() => editorText(page)).toContain('Before $x^2$公式 数学after.\n')
    await cdp.detach()
    await page.keyboard.press('Control+s')
    await expect.poll(() => readFile(join(vault, 'ime.md'), 'utf8'), { timeout: 10_000 }).toBe(post('IME', '2026-01-04', 'Before $x^2$公式 数学after.\n'))
    await page.keyboard.press('End')
    await expect.poll(() => line.locator('.cm-math-widget').count()).toBe(1)
  })

  it('scrolls editor and preview together, landing within one block both ways', async () => {
    const { page } = app
    await openPost(page, 'long.md', 'Long')
    await expect.poll(() => preview(page).locator('.lemma-block').count()).toBeGreaterThan(150)

    await page.locator('[data-testid="editor"] .cm-scroller').hover()
    await page.mouse.wheel(0, 4200)
    await expect.poll(() => syncState(page).then((s) => s.editorLine), { timeout: 5000 }).toBeGreaterThan(40)
    await expect.poll(async () => landsWithinOneBlock(await syncState(page)), { timeout: 5000 }).toBe(true)

    await page.getByTestId('preview-scroller').hover()
    await page.mouse.wheel(0, 6000)
    await expect.poll(async () => landsWithinOneBlock(await syncState(page)), { timeout: 5000 }).toBe(true)
    const after = await syncState(page)
    expect(after.editorLine).toBeGreaterThan(120)
  })

  it('opens the post a wiki link or a relative link names', async () => {
    const { page } = app
    await openPost(page, 'links.md', 'Links')
    await preview(page).getByText('target post').click()
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toBe('Target Post')
    await openPost(page, 'links.md', 'Links')
    await preview(page).getByText('the other one').click()
    await expect.poll(() => page.getByTestId('editor-title').textContent()).toBe('Other Note')
  })

  it('asks before opening an external link in the browser, naming its host', async () => {
    const { page } = app
    await openPost(page, 'links.md', 'Links')
    await preview(page).getByText('arXiv').click()
    const prompt = page.getByTestId('external-link-prompt')
    await prompt.waitFor()
    expect(await prompt.locator('h2').textContent()).toBe('Open arxiv.org in your browser?')
    expect(app.openedExternally).toEqual([])
    await page.getByTestId('external-link-cancel').click()
    await prompt.waitFor({ state: 'detached' })
    expect(app.openedExternally).toEqual([])
    await preview(page).getByText('arXiv').click()
    await page.getByTestId('external-link-open').click()
    await expect.poll(() => app.openedExternally).toEqual(['https://arxiv.org/abs/2006.11239'])
  })
})

describe('a 300,000-word post in Chromium', () => {
  it('opens, takes typing at once, and fills in the preview off the typing path', async () => {
    const { page } = app
    await page.locator('[data-testid="post-item"][data-path="huge.md"]').click()
    await expect.poll(() => page.getByTestId('editor-title').textContent(), { timeout: 10_000 }).toBe('Huge')
    await page.locator('[data-testid="editor"] .cm-line').first().click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\nThe end 结尾 $z^2$.')
    await expect.poll(() => editorText(page).then((text) => text.endsWith('\nThe end 结尾 $z^2$.'))).toBe(true)
    await expect.poll(() => preview(page).locator('.lemma-block').last().textContent(), { timeout: 30_000 }).toContain('The end 结尾')
    expect(await preview(page).locator('.lemma-block').count()).toBeGreaterThan(4000)
    expect(await preview(page).locator('.math-error').count()).toBe(0)
  }, 60_000)
})

describe('the editor pane’s views in Chromium', () => {
  it('jumps to a heading from the outline', async () => {
    const { page } = app
    await openPost(page, 'long.md', 'Long')
    await page.getByTestId('toggle-outline').click()
    const outline = page.getByTestId('outline')
    await expect.poll(() => outline.locator('button').count()).toBe(60)
    const heading = outline.getByRole('button', { name: 'Section 42', exact: true })
    const headingLine = Number(await heading.getAttribute('data-line'))
    await heading.click()
    // The heading lands at the top, below a little air (the blank line before it).
    await expect.poll(() => syncState(page).then((state) => headingLine - state.editorLine)).toBeOneOf([0, 1])
    expect(await editorText(page).then((text) => text.split('\n')[headingLine])).toBe('## Section 42')
    expect(await outline.locator('[aria-current="location"]').textContent()).toBe('Section 42')
    await page.keyboard.press('Control+Shift+O')
    await outline.waitFor({ state: 'detached' })
  })

  it('switches rendered formulas and Vim keys, and searches and replaces', async () => {
    const { page } = app
    await openPost(page, 'macros.md', 'Macros')
    const widgets = page.locator('[data-testid="editor"] .cm-math-widget')
    await expect.poll(() => widgets.count()).toBe(3)
    await page.getByTestId('toggle-math-widgets').click()
    await expect.poll(() => widgets.count()).toBe(0)
    expect(await page.locator('[data-testid="editor"] .cm-math').count()).toBe(3)
    await page.keyboard.press('Control+Shift+M')
    await expect.poll(() => widgets.count()).toBe(3)

    await page.locator('[data-testid="editor"] .cm-line', { hasText: 'A vector' }).click()
    await page.keyboard.press('Control+f')
    const search = page.locator('[data-testid="editor"] .cm-search')
    await search.locator('input[name="search"]').fill('length')
    await search.locator('input[name="replace"]').fill('norm')
    await search.locator('button[name="replaceAll"]').click()
    await expect.poll(() => editorText(page)).toContain('has norm $\\norm{v}$')
    await page.keyboard.press('Escape')
    await search.waitFor({ state: 'detached' })

    await page.getByTestId('toggle-vim').click()
    await page.locator('[data-testid="editor"] .cm-vim-panel').waitFor()
    await page.getByTestId('toggle-vim').click()
    await page.locator('[data-testid="editor"] .cm-vim-panel').waitFor({ state: 'detached' })
  })

  it('switches layouts from the toolbar and the keyboard, and remembers the choice', async () => {
    const { page } = app
    await openPost(page, 'numbers.md', 'Numbers')
    const editorColumn = page.locator('.split-panes__editor')
    await page.getByTestId('layout-editor').click()
    await preview(page).waitFor({ state: 'detached' })
    expect(await editorColumn.isVisible()).toBe(true)
    await page.keyboard.press('Control+Backslash')
    await preview(page).locator('.lemma-block').first().waitFor()
    expect(await page.getByTestId('layout-split').getAttribute('aria-pressed')).toBe('true')
    await page.getByTestId('layout-preview').click()
    await editorColumn.waitFor({ state: 'hidden' })
    expect(await preview(page).locator('a.eqref').count()).toBeGreaterThan(0)

    await page.reload()
    await page.locator('[data-testid="post-item"][data-path="numbers.md"]').click()
    await preview(page).locator('.lemma-block').first().waitFor()
    expect(await page.getByTestId('layout-preview').getAttribute('aria-pressed')).toBe('true')
    expect(await editorColumn.isVisible()).toBe(false)
    await page.getByTestId('layout-split').click()
    await editorColumn.waitFor({ state: 'visible' })
  })
})

interface SyncState {
  /** The zero-based source line at the top of the editor. */
  editorLine: number
  /** The preview block at the top of the preview, by its source lines. */
  block: { startLine: number; endLine: number } | null
  /** The source lines of every preview block, in order. */
  blocks: Array<{ startLine: number; endLine: number }>
}

/** Where the editor and the preview are scrolled to, in source lines. */
function syncState(page: Page): Promise<SyncState> {
  return page.evaluate(() => {
    type View = {
      scrollDOM: HTMLElement
      documentTop: number
      lineBlockAtHeight(height: number): { from: number }
      state: { doc: { lineAt(pos: number): { number: number } } }
    }
    const content = document.querySelector('[data-testid="editor"] .cm-content') as unknown as { cmTile?: { root?: { view?: View } } }
    const view = content?.cmTile?.root?.view
    if (!view) throw new Error('CodeMirror view not found from the DOM: its internals changed')
    const scroller = view.scrollDOM
    const top = scroller.getBoundingClientRect().top
    const height = top - view.documentTop
    const editorLine = height <= 0 ? 0 : view.state.doc.lineAt(view.lineBlockAtHeight(height).from).number - 1
    const previewScroller = document.querySelector('[data-testid="preview-scroller"]') as HTMLElement
    const previewTop = previewScroller.getBoundingClientRect().top
    const elements = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="preview"] .lemma-block'))
    const blocks = elements.map((element) => ({ startLine: Number(element.dataset.sourceLine), endLine: Number(element.dataset.sourceEndLine) }))
    const index = elements.findIndex((element) => element.getBoundingClientRect().bottom > previewTop + 1)
    return { editorLine, block: index < 0 ? null : blocks[index], blocks }
  })
}

/**
 * True when the preview's top block is the block holding the editor's top line,
 * or, when that line is a blank line between blocks, the block right after it.
 */
function landsWithinOneBlock({ editorLine, block, blocks }: SyncState): boolean {
  if (!block) return false
  const holding = blocks.filter((candidate) => candidate.startLine <= editorLine).at(-1)
  if (!holding) return block === blocks[0]
  if (editorLine < holding.endLine) return block.startLine === holding.startLine
  const next = blocks[blocks.indexOf(holding) + 1]
  return block.startLine === holding.startLine || block.startLine === next?.startLine
}
