import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { FEED_PAGE_SIZES, type LanguageSetting } from '../../../src-shared/model/settings'
import { resolveLanguage, UI_LANGUAGES } from '../../../src-shared/i18n/ui-language'
import { systemLanguages } from '../../i18n/system-languages'
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
  const dialogRef = useRef<HTMLDialogElement>(null)
  const systemLanguage = resolveLanguage('system', systemLanguages())

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="settings-heading"
      data-testid="settings-dialog"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <form
        className="dialog__body"
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          onClose()
        }}
      >
        <h2 id="settings-heading" className="dialog__title">
          {t('settings.title')}
        </h2>
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
      </form>
    </dialog>
  )
}
