import type { i18n } from 'i18next'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import type { AppSettings } from '../../../src-shared/model/settings'
import { resolveLanguage } from '../../../src-shared/i18n/ui-language'
import { systemLanguages } from '../../i18n/system-languages'
import { api } from '../../ipc'
import { SettingsContext, type SettingsHandle } from './settings-context'

/** Props of {@link SettingsProvider}. */
export interface SettingsProviderProps {
  /** The settings main gave at start-up. */
  initial: AppSettings
  /** The i18next instance the interface translates with; its language follows the settings. */
  i18n: i18n
  children: ReactNode
}

/**
 * Holds the settings for the whole window and keeps the interface language in step
 * with them: the chosen language, or the system's (re-read when the system's
 * changes) for `system`. `<html lang>` follows, so CJK text gets CJK line breaking and
 * fonts. A change shows at once and is then stored by main; main's answer wins.
 */
export function SettingsProvider({ initial, i18n, children }: SettingsProviderProps) {
  const [settings, setSettings] = useState(initial)
  const [system, setSystem] = useState(systemLanguages)
  const language = resolveLanguage(settings.language, system)

  useEffect(() => {
    const onChange = () => setSystem(systemLanguages())
    window.addEventListener('languagechange', onChange)
    return () => window.removeEventListener('languagechange', onChange)
  }, [])

  useEffect(() => {
    document.documentElement.lang = language
    if (i18n.language !== language) void i18n.changeLanguage(language)
  }, [i18n, language])

  const update = useCallback((patch: Partial<AppSettings>) => {
    setSettings((current) => ({ ...current, ...patch }))
    api.settings.update(patch).then(setSettings, () => {})
  }, [])

  const handle = useMemo<SettingsHandle>(() => ({ settings, language, update }), [settings, language, update])
  return (
    <I18nextProvider i18n={i18n}>
      <SettingsContext.Provider value={handle}>{children}</SettingsContext.Provider>
    </I18nextProvider>
  )
}
