import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Where a worker thread's code is. `script`: the built `<name>.js` beside the main
 * bundle. `typescript`: the source `<name>.ts`, started through tsx's loader (tests
 * and benchmarks running from source).
 */
export type WorkerEntry = { type: 'script'; url: URL } | { type: 'typescript'; url: URL; tsxApi: URL }

/**
 * Finds the code of the worker called `name` for the module at `moduleUrl` (pass
 * `import.meta.url`): the built `<name>.js` next to that module's bundle (or one
 * folder up, when the bundler put the module in a chunk folder), else the
 * TypeScript source `<name>.ts` beside the module when tsx is installed. Null when
 * neither exists (e.g. a module loaded from memory).
 */
export function resolveWorkerEntry(moduleUrl: string, name: string): WorkerEntry | null {
  // Names are built at run time, so that the bundler does not turn `new URL('…', import.meta.url)` into an asset.
  for (const candidate of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(candidate, moduleUrl)
    if (url.protocol === 'file:' && existsSync(url)) return { type: 'script', url }
  }
  const source = new URL(`./${name}.ts`, moduleUrl)
  if (source.protocol !== 'file:' || !existsSync(source)) return null
  const tsxApi = findTsxApi(fileURLToPath(source))
  return tsxApi ? { type: 'typescript', url: source, tsxApi } : null
}

/** tsx's ESM `register` API as seen from `from`, or null when tsx is not installed there. */
function findTsxApi(from: string): URL | null {
  try {
    const manifestPath = createRequire(from).resolve('tsx/package.json')
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> }
    const api = manifest.exports?.['./esm/api']?.import?.default
    return api ? pathToFileURL(join(dirname(manifestPath), api)) : null
  } catch {
    return null
  }
}
