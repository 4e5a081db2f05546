/**
 * Preferences that belong to this computer rather than to a vault: the interface
 * language and how the update feed is laid out. Main keeps them with the app state;
 * the renderer reads and changes them through the `settings` service.
 */

/** The interface language: `system` follows the operating system's language. */
export type LanguageSetting = 'system' | 'en' | 'zh-CN'

/** Which date orders the feed: the date written (`date`) or the last update (`updated`). */
export type FeedSort = 'date' | 'updated'

/** Whether drafts appear in the feed (marked as drafts) or are hidden. */
export type DraftMode = 'show' | 'hide'

/** Blog-like numbered pages, or one continuous scroll through every card. */
export type FeedLayout = 'pages' | 'scroll'

/** Every setting, always complete (see {@link DEFAULT_SETTINGS}). */
export interface AppSettings {
  language: LanguageSetting
  /** Cards per page in the `pages` layout; one of {@link FEED_PAGE_SIZES}. */
  feedPageSize: number
  feedSort: FeedSort
  feedDrafts: DraftMode
  feedLayout: FeedLayout
}

/** The page sizes offered in the settings. */
export const FEED_PAGE_SIZES: readonly number[] = [10, 20, 30, 50, 100]

/** What a fresh installation starts with. */
export const DEFAULT_SETTINGS: AppSettings = Object.freeze({
  language: 'system',
  feedPageSize: 20,
  feedSort: 'date',
  feedDrafts: 'show',
  feedLayout: 'pages',
})

/**
 * Reads settings from untrusted storage (a hand-edited or older app-state file):
 * each known field with a valid value is kept, anything else falls back to
 * {@link DEFAULT_SETTINGS}. Never throws.
 */
export function sanitizeSettings(value: unknown): AppSettings {
  const source = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const pick = <T>(key: keyof AppSettings, allowed: readonly T[]): T =>
    allowed.includes(source[key] as T) ? (source[key] as T) : (DEFAULT_SETTINGS[key] as T)
  return {
    language: pick<LanguageSetting>('language', ['system', 'en', 'zh-CN']),
    feedPageSize: pick<number>('feedPageSize', FEED_PAGE_SIZES),
    feedSort: pick<FeedSort>('feedSort', ['date', 'updated']),
    feedDrafts: pick<DraftMode>('feedDrafts', ['show', 'hide']),
    feedLayout: pick<FeedLayout>('feedLayout', ['pages', 'scroll']),
  }
}
