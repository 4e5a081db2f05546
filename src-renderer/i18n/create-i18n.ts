import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import type { UiLanguage } from '../../src-shared/i18n/ui-language'
import { zhCN } from './zh-cn'

/** The text of every {@link UiLanguage}, in i18next's resource layout. */
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const

/**
 * A ready i18next instance (initialised synchronously, since every language is
 * bundled) for react-i18next, showing `language`. Switch later with
 * `changeLanguage`; missing keys fall back to English.
 */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
