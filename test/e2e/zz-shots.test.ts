import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { launchApp, launchChromium } from './harness'

const BODY = `---
title: "扩散模型笔记 Diffusion notes"
date: 2026-02-09 10:00:00
categories: [机器学习]
tags: [diffusion, 概率]
---

## 前向过程 Forward process

给定数据分布 $q(x_0)$，前向过程逐步加入高斯噪声：

$$
q(x_t \\mid x_{t-1}) = \\mathcal{N}(x_t; \\sqrt{1-\\beta_t}\\, x_{t-1}, \\beta_t I)
$$

The noise schedule $\\beta_1, \\dots, \\beta_T$ is fixed in advance.

## 逆向过程 Reverse process

逆向过程学习去噪，每一步都是一个高斯分布。

We train $\\epsilon_\\theta$ to predict the noise with a simple MSE loss.

## 小结 Summary

扩散模型把生成问题变成一连串去噪问题。
`
let browser: Browser
beforeAll(async () => { browser = await launchChromium() })
afterAll(async () => { await browser?.close() })

async function vaultWith() {
  const vault = await mkdtemp(join(tmpdir(), 'shots-'))
  await writeFile(join(vault, 'diffusion.md'), BODY)
  await writeFile(join(vault, 'other.md'), BODY.replace('扩散模型笔记 Diffusion notes', '变分推断 Variational inference').replace('2026-02-09', '2026-02-01'))
  await writeFile(join(vault, 'diffusion (conflicted copy).md'), BODY.replace('扩散模型笔记 Diffusion notes', '扩散模型笔记 (copy)').replace('2026-02-09', '2026-02-05'))
  return vault
}

for (const scheme of ['light', 'dark'] as const) {
  for (const locale of scheme === 'light' ? ['en-US', 'zh-CN'] : ['en-US']) {
  it(`shots ${scheme} ${locale}`, async () => {
    const vault = await vaultWith()
    const userData = await mkdtemp(join(tmpdir(), 'shots-ud-'))
    const tag = `${scheme}-${locale}`
    let app = await launchApp(browser, { vault, userData, locale })
    let page = app.page
    await page.emulateMedia({ colorScheme: scheme })
    await page.waitForSelector('[data-testid="post-item"]')
    await page.locator('[data-testid="post-item"][data-path="diffusion.md"]').click()
    await page.locator('[data-testid="editor"] .cm-line', { hasText: '逆向过程学习去噪' }).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' 我的补充：这里用重参数化技巧。')
    const file = join(vault, 'diffusion.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('扩散模型把生成问题变成一连串去噪问题。', '扩散模型把生成问题变成一连串去噪问题，由另一台电脑修改。'))
    await page.getByTestId('conflict-view').waitFor({ timeout: 10000 })
    await page.waitForTimeout(400)
    await page.screenshot({ path: `/tmp/safety-shots/conflict-${tag}.png` })
    await page.getByTestId('conflict-tab-merged').click()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `/tmp/safety-shots/conflict-merged-${tag}.png` })
    await page.getByTestId('conflict-later').click()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `/tmp/safety-shots/conflict-banner-${tag}.png` })
    await page.getByTestId('conflict-resolve').click()
    await page.getByTestId('conflict-keep-mine').click()
    await page.getByTestId('conflict-view').waitFor({ state: 'detached' })
    // history
    await page.getByTestId('history-button').click()
    await page.getByTestId('history-dialog').getByTestId('diff-view').waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `/tmp/safety-shots/history-${tag}.png` })
    await page.getByTestId('history-close').click()
    // deleted
    await unlink(file)
    await page.getByTestId('deleted-banner').waitFor({ timeout: 10000 })
    await page.waitForTimeout(200)
    await page.screenshot({ path: `/tmp/safety-shots/deleted-${tag}.png` })
    await page.getByTestId('deleted-save-as').click()
    await page.waitForTimeout(200)
    await page.screenshot({ path: `/tmp/safety-shots/save-as-${tag}.png` })
    await page.keyboard.press('Escape')
    await page.getByTestId('deleted-save-again').click()
    await page.waitForTimeout(500)
    // crash
    await page.locator('[data-testid="post-item"][data-path="other.md"]').click()
    await page.evaluate(() => { (window as any).api.vault.savePost = () => new Promise(() => {}) })
    await page.locator('[data-testid="editor"] .cm-line', { hasText: '逆向过程学习去噪' }).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' 崩溃前输入的文字 typed before the crash.')
    for (let i = 0; i < 50 && (await app.services.handlers.recovery.list()).length === 0; i++) await page.waitForTimeout(100)
    await app.close()
    app = await launchApp(browser, { vault, userData, locale })
    page = app.page
    await page.emulateMedia({ colorScheme: scheme })
    await page.getByTestId('recovery-dialog').waitFor()
    await page.waitForTimeout(500)
    await page.screenshot({ path: `/tmp/safety-shots/recovery-${tag}.png` })
    await page.getByTestId('recovery-later').click()
    // settings? progress
    const corpus = await mkdtemp(join(tmpdir(), 'shots-corpus-'))
    execFileSync(process.execPath, [resolve('../shared/corpus/gen-corpus.mjs'), '--n', '2000', '--seed', '42', '--out', corpus], { stdio: 'ignore' })
    await app.close()
    app = await launchApp(browser, { vault, userData, locale, chooseFolder: async () => corpus })
    page = app.page
    await page.emulateMedia({ colorScheme: scheme })
    await page.waitForSelector('[data-testid="post-item"]')
    await page.getByTestId('recovery-later').click()
    await page.getByTestId('open-folder').click()
    await page.locator('[data-testid="index-progress"][data-phase="indexing"]').waitFor({ timeout: 20000 })
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="post-item"]').length > 3 && /[1-9]/.test(document.querySelector('[data-testid="index-progress-count"]')?.textContent ?? ''), null, { timeout: 20000 }).catch(() => {})
    await page.screenshot({ path: `/tmp/safety-shots/progress-${tag}.png` })
    await page.getByTestId('index-progress').waitFor({ state: 'detached', timeout: 60000 })
    await app.close()
  }, 120000)
  }
}
