import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { sanitizeSettings, type AppSettings } from '../../src-shared/model/settings'

/** How many recent folders are remembered. */
const MAX_RECENT = 10

/** Window geometry remembered between runs. */
export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
  isMaximized: boolean
}

/** App-wide state that belongs to this computer, not to a vault. */
export interface AppStateData {
  recentFolders: string[]
  windowBounds: WindowBounds | null
  /** True once the sample vault has been copied to the documents folder. */
  hasSeededSample: boolean
  /** Language and feed preferences; always complete (see {@link sanitizeSettings}). */
  settings: AppSettings
}

/**
 * App state kept in Electron's userData folder (never inside a vault): recent
 * folders and window bounds. A damaged file is replaced by defaults; it holds nothing
 * that cannot be recreated.
 */
export class AppStateStore {
  private constructor(private readonly db: Low<AppStateData>) {}

  /** Opens (or creates) `<userDataDir>/app-state.json`. */
  static async open(userDataDir: string): Promise<AppStateStore> {
    await mkdir(userDataDir, { recursive: true })
    const db = new Low<AppStateData>(new JSONFile<AppStateData>(join(userDataDir, 'app-state.json')), defaults())
    try {
      await db.read()
      db.data = { ...defaults(), ...db.data }
      if (!Array.isArray(db.data.recentFolders)) db.data.recentFolders = []
      db.data.settings = sanitizeSettings(db.data.settings)
    } catch {
      db.data = defaults()
    }
    return new AppStateStore(db)
  }

  /** The current state (read-only view). */
  get data(): Readonly<AppStateData> {
    return this.db.data
  }

  /** Moves `folder` to the front of the recent list. */
  async rememberFolder(folder: string): Promise<void> {
    const rest = this.db.data.recentFolders.filter((f) => f !== folder)
    this.db.data.recentFolders = [folder, ...rest].slice(0, MAX_RECENT)
    await this.db.write()
  }

  /** Drops a folder that no longer exists from the recent list. */
  async forgetFolder(folder: string): Promise<void> {
    this.db.data.recentFolders = this.db.data.recentFolders.filter((f) => f !== folder)
    await this.db.write()
  }

  /** Changes some settings, writes them, and returns all of them. */
  async updateSettings(patch: Partial<AppSettings>): Promise<AppSettings> {
    this.db.data.settings = sanitizeSettings({ ...this.db.data.settings, ...patch })
    await this.db.write()
    return { ...this.db.data.settings }
  }

  /** Applies a partial update and writes it. */
  async update(patch: Partial<AppStateData>): Promise<void> {
    Object.assign(this.db.data, patch)
    await this.db.write()
  }
}

function defaults(): AppStateData {
  return { recentFolders: [], windowBounds: null, hasSeededSample: false, settings: sanitizeSettings(undefined) }
}
