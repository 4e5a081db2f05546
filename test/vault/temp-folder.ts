import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

/**
 * Call at the top of a test file: returns `make()`, which creates a fresh folder
 * under `os.tmpdir()`; every folder made is removed after each test.
 */
export function tempFolders(): { make: () => Promise<string> } {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
  })
  return {
    make: async () => {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'lemma-vault-'))
      made.push(folder)
      return folder
    },
  }
}

/** Writes `files` (vault-relative path to content) under `root`, creating folders. */
export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const absolute = path.join(root, ...relative.split('/'))
    await mkdir(path.dirname(absolute), { recursive: true })
    await writeFile(absolute, content)
  }
}
