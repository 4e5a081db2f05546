#!/usr/bin/env node
// `npm start`: builds Lemma and opens it with Electron. Electron downloads its binary on
// first use; when that download cannot happen, this says so in one line instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const isDev = process.argv.includes('--dev')

function findBinary(pkgDir) {
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist')
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

let pkgDir
try {
  pkgDir = dirname(require.resolve('electron/package.json'))
} catch {
  console.error('Lemma cannot start: the electron package is not installed. Run `npm install` first.')
  process.exit(1)
}
if (!findBinary(pkgDir)) {
  console.log('Downloading the Electron binary (first start only)…')
  const download = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  if (download.status !== 0 || !findBinary(pkgDir)) {
    const reason = (download.stderr ?? '').split('\n').find((line) => /error|ENOTFOUND|EAI_AGAIN|ECONN|403|404/i.test(line))?.trim()
    console.error(`Lemma cannot open a window: the Electron ${require('electron/package.json').version} binary is not installed and could not be downloaded${reason ? ` (${reason.slice(0, 160)})` : ''}. Fix: on a machine with Node 22.12+ and access to GitHub releases, run \`npx install-electron\`, then \`npm start\`.`)
    process.exit(1)
  }
}
const child = spawn(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), isDev ? 'dev' : 'preview'], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 1))
