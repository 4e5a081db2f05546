import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach } from 'vitest'
import type { DiskChange } from '../../src-shared/model/disk-change'
import type { VaultChange } from '../../src-shared/model/vault'
import { BackupStore } from '../../src-main/recovery/backup-store'
import { VaultSession, type VaultSessionOptions } from '../../src-main/services/vault-session'

/** A session opened on a temp vault, with everything it announced. */
export interface OpenedSession {
  session: VaultSession
  root: string
  changes: VaultChange[]
  diskChanges: DiskChange[]
  backupDir: string
}

/**
 * Call at the top of a test file: returns `open(files, options)`, which writes
 * `files` to a fresh temp vault, opens a {@link VaultSession} on it (without a watcher
 * unless asked) and waits until it is ready. Sessions and folders are removed after
 * each test.
 */
export function sessionFixture(): { open: (files: Record<string, string | Buffer>, options?: Partial<VaultSessionOptions>) => Promise<OpenedSession> } {
  const sessions: VaultSession[] = []
  const folders: string[] = []
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()))
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
  })
  return {
    open: async (files, options = {}) => {
      const root = await mkdtemp(join(tmpdir(), 'lemma-session-'))
      const backupDir = await mkdtemp(join(tmpdir(), 'lemma-backups-'))
      folders.push(root, backupDir)
      await writeVaultFiles(root, files)
      const changes: VaultChange[] = []
      const diskChanges: DiskChange[] = []
      const { session } = await VaultSession.open(root, {
        onChange: (change) => changes.push(change),
        onDiskChange: (batch) => diskChanges.push(...batch),
        backups: await BackupStore.open(backupDir),
        watch: false,
        parser: 'in-process',
        ...options,
      })
      sessions.push(session)
      await session.ready
      return { session, root, changes, diskChanges, backupDir }
    },
  }
}

/** Writes `files` (vault-relative path to content) under `root`, creating folders. */
export async function writeVaultFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const absolute = join(root, ...relative.split('/'))
    await mkdir(dirname(absolute), { recursive: true })
    await writeFile(absolute, content)
  }
}

/** A small seeded PRNG (mulberry32), so randomized tests replay exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
