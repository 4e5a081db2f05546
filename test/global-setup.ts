import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Builds the app once before the tests when the renderer build is missing or older
 * than its sources, so `npm test` on a fresh clone tests what the sources say.
 * `LEMMA_SKIP_BUILD=1` skips it, for unit-test runs while the renderer is half edited.
 */
export default function setup(): void {
  if (process.env.LEMMA_SKIP_BUILD === '1') return
  const built = 'out/renderer/index.html'
  if (existsSync(built) && newestSource(['src-renderer', 'src-shared']) <= statSync(built).mtimeMs) return
  execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' })
}

function newestSource(dirs: string[]): number {
  let newest = 0
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const dir of dirs) if (existsSync(dir)) visit(dir)
  return newest
}
