import type { LanguageSetting } from '../model/settings'

/** The languages the interface is written in. */
export type UiLanguage = 'en' | 'zh-CN'

/** Every {@link UiLanguage}, in the order the settings list them. */
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'zh-CN']

/**
 * The interface language for a setting: the setting itself, or for `system` the
 * first of the system's preferred languages Lemma has (any `zh-*` reads as Chinese,
 * any `en-*` as English), else English.
 */
export function resolveLanguage(setting: LanguageSetting, systemLanguages: readonly string[]): UiLanguage {
  if (setting !== 'system') return setting
  for (const tag of systemLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0]
    if (primary === 'zh') return 'zh-CN'
    if (primary === 'en') return 'en'
  }
  return 'en'
}
