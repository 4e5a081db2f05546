import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { HistorySettings } from '../../src-shared/model/history'

/** Thirty days and 200 MB: months of writing for most people, a small share of a disk. */
export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { maxAgeDays: 30, maxTotalMegabytes: 200 }

const SETTINGS_FILE = 'settings.json'

/**
 * Checks settings sent by the renderer (untrusted): whole days from 1 to 3650 and
 * megabytes from 1 to 100,000. Returns a sentence for people when they are out of range.
 */
export function checkHistorySettings(settings: HistorySettings): string | null {
  const { maxAgeDays, maxTotalMegabytes } = settings
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 1 || maxAgeDays > 3650) return 'Keep history for 1 to 3,650 days.'
  if (!Number.isInteger(maxTotalMegabytes) || maxTotalMegabytes < 1 || maxTotalMegabytes > 100_000) {
    return 'History can use 1 to 100,000 MB.'
  }
  return null
}

/** Reads `<historyDir>/settings.json`; the defaults for anything missing or invalid. */
export async function readHistorySettings(historyDir: string): Promise<HistorySettings> {
  try {
    const parsed = JSON.parse(await readFile(join(historyDir, SETTINGS_FILE), 'utf8')) as Partial<HistorySettings>
    const settings = { ...DEFAULT_HISTORY_SETTINGS, ...parsed }
    return checkHistorySettings(settings) === null ? settings : { ...DEFAULT_HISTORY_SETTINGS }
  } catch {
    return { ...DEFAULT_HISTORY_SETTINGS }
  }
}

/** Writes `<historyDir>/settings.json` atomically. */
export async function writeHistorySettings(historyDir: string, settings: HistorySettings): Promise<void> {
  await mkdir(historyDir, { recursive: true })
  await writeFileAtomic(join(historyDir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`)
}
