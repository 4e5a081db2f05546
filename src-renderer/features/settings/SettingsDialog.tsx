import { useTranslation } from 'react-i18next'
import { FEED_PAGE_SIZES, type LanguageSetting } from '../../../src-shared/model/settings'
import { resolveLanguage, UI_LANGUAGES } from '../../../src-shared/i18n/ui-language'
import { systemLanguages } from '../../i18n/system-languages'
import { ModalDialog } from '../../ui/ModalDialog'
import { HistorySettingsFields } from '../history/HistorySettingsFields'
import { useSettings } from './useSettings'

/** Props of {@link SettingsDialog}. */
export interface SettingsDialogProps {
  onClose: () => void
}

/**
 * A modal dialog with the app's settings: the interface language (the system's, or
 * one chosen), how many posts a feed page holds, and the bounds of local history.
 * Changes apply at once.
 */
export function SettingsDialog({ onClose }: SettingsDialogProps) {
  const { t } = useTranslation()
  const { settings, update } = useSettings()
  const systemLanguage = resolveLanguage('system', systemLanguages())

  return (
    <ModalDialog title={t('settings.title')} testId="settings-dialog" onClose={onClose}>
      <label className="dialog__label" htmlFor="settings-language">
        {t('settings.language')}
      </label>
      <select
        id="settings-language"
        className="select-input"
        value={settings.language}
        data-testid="settings-language"
        onChange={(event) => update({ language: event.target.value as LanguageSetting })}
      >
        <option value="system">{t('settings.languageSystem', { language: t(`languages.${systemLanguage}`) })}</option>
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
      <label className="dialog__label" htmlFor="settings-page-size">
        {t('settings.pageSize')}
      </label>
      <select
        id="settings-page-size"
        className="select-input"
        value={settings.feedPageSize}
        data-testid="settings-page-size"
        onChange={(event) => update({ feedPageSize: Number(event.target.value) })}
      >
        {FEED_PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
      <HistorySettingsFields />
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" data-testid="settings-done" autoFocus>
          {t('settings.close')}
        </button>
      </div>
    </ModalDialog>
  )
}
