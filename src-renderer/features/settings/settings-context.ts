import { createContext } from 'react'
import { DEFAULT_SETTINGS, type AppSettings } from '../../../src-shared/model/settings'
import type { UiLanguage } from '../../../src-shared/i18n/ui-language'

/** The settings as the interface uses them, with the way to change them. */
export interface SettingsHandle {
  settings: AppSettings
  /** The interface language in effect (the setting, or the system's for `system`). */
  language: UiLanguage
  /** Changes some settings at once in the window, then stores them in main. */
  update: (patch: Partial<AppSettings>) => void
}

/** Provided by {@link SettingsProvider}; read it with {@link useSettings}. */
export const SettingsContext = createContext<SettingsHandle>({
  settings: DEFAULT_SETTINGS,
  language: 'en',
  update: () => {},
})
