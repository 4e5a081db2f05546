import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)

function electronBinary(): string | null {
  const pkgDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const reason = 'SKIPPED: the Electron binary is not installed on this machine (run `npx install-electron` with network access to run this test)'
if (!binary) console.warn(`[electron-app.test] ${reason}`)

describe('the real Electron app', () => {
  it.skipIf(!binary)(binary ? 'opens a window on the sample folder with the bridge exposed' : reason, async () => {
    const userData = await mkdtemp(join(tmpdir(), 'lemma-electron-'))
    const app = await electron.launch({
      executablePath: binary!,
      args: [resolve('out/main/index.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, HOME: userData },
    })
    try {
      const window = await app.firstWindow()
      await window.waitForSelector('[data-testid="post-item"]', { timeout: 20_000 })
      expect(await window.evaluate(() => typeof (window as unknown as { api: unknown }).api)).toBe('object')
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
      expect(await window.locator('[data-testid="post-item"]').count()).toBeGreaterThan(3)
    } finally {
      await app.close()
      await rm(userData, { recursive: true, force: true, maxRetries: 5 })
    }
  })
})
