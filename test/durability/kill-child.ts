import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VaultSession } from '../../src-main/services/vault-session'
import { hashBytes } from '../../src-main/vault/text-codec'
import { versionText, versionOf } from './versions'

/**
 * The process the kill test murders: opens the vault given as argv[2] and saves its
 * three posts (1 KB, 1 MB, 20 MB) over and over, each time with the next version,
 * printing `saving <path> <version>` before and `saved <path> <version>` after every
 * save, and writing the metadata after each round (`flushing`, `flushed`). Runs until killed.
 */
async function main(): Promise<void> {
  const root = process.argv[2]
  const sizes: Record<string, number> = JSON.parse(process.argv[3])
  const { session } = await VaultSession.open(root, { onChange: () => {}, watch: false, parser: 'in-process' })
  await session.ready
  const state = new Map<string, { hash: string; version: number }>()
  for (const path of Object.keys(sizes)) {
    // Read directly rather than through readPost, which would also parse 20 MB before the first save.
    const bytes = await readFile(join(root, path))
    state.set(path, { hash: hashBytes(bytes), version: versionOf(bytes.subarray(0, 40).toString('latin1')) })
  }
  process.stdout.write('ready\n')
  for (;;) {
    for (const [path, size] of Object.entries(sizes)) {
      const current = state.get(path)!
      const next = current.version + 1
      process.stdout.write(`saving ${path} ${next}\n`)
      const saved = await session.savePost(path, versionText(size, next), current.hash)
      if (!saved.ok) throw new Error(`${path}: ${saved.message}`)
      state.set(path, { hash: saved.document.hash, version: next })
      process.stdout.write(`saved ${path} ${next}\n`)
    }
    // Writes db.json once per round as well, so kills also land inside metadata writes.
    process.stdout.write('flushing\n')
    await session.flush()
    process.stdout.write('flushed\n')
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`)
  process.exit(1)
})
