import './history.css'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistorySettings } from '../../../src-shared/model/history'
import { api } from '../../ipc'
import { parseBound } from './history-bounds'

type Field = keyof HistorySettings

const LIMITS: Record<Field, { min: number; max: number }> = {
  maxAgeDays: { min: 1, max: 3650 },
  maxTotalMegabytes: { min: 1, max: 100_000 },
}

/**
 * The local-history part of the settings dialog: how many days versions are kept
 * and how big the history may grow. Loads the vault's bounds, and stores a field
 * when it loses focus with a valid whole number (history is pruned at once).
 */
export function HistorySettingsFields() {
  const { t } = useTranslation()
  const [saved, setSaved] = useState<HistorySettings | null>(null)
  const [draft, setDraft] = useState<Record<Field, string>>({ maxAgeDays: '', maxTotalMegabytes: '' })
  const [error, setError] = useState<{ field: Field; message: string } | null>(null)

  useEffect(() => {
    let isCurrent = true
    void api.history.getSettings().then((settings) => {
      if (!isCurrent) return
      setSaved(settings)
      setDraft({ maxAgeDays: String(settings.maxAgeDays), maxTotalMegabytes: String(settings.maxTotalMegabytes) })
    })
    return () => {
      isCurrent = false
    }
  }, [])

  const commit = async (field: Field) => {
    if (!saved) return
    const value = parseBound(draft[field], LIMITS[field].min, LIMITS[field].max)
    if (value === null) {
      setError({ field, message: t('historySettings.invalid', LIMITS[field]) })
      return
    }
    setError(null)
    if (value === saved[field]) return
    const result = await api.history.setSettings({ ...saved, [field]: value })
    if (!result.ok) {
      setError({ field, message: result.message })
      return
    }
    setSaved(result.settings)
    setDraft({ maxAgeDays: String(result.settings.maxAgeDays), maxTotalMegabytes: String(result.settings.maxTotalMegabytes) })
  }

  const input = (field: Field, id: string, label: string, unit: string) => (
    <div className="history-settings__field">
      <label className="dialog__label" htmlFor={id}>
        {label}
      </label>
      <div className="history-settings__input">
        <input
          id={id}
          className="text-input"
          type="number"
          inputMode="numeric"
          min={LIMITS[field].min}
          max={LIMITS[field].max}
          step={1}
          value={draft[field]}
          disabled={!saved}
          aria-invalid={error?.field === field ? true : undefined}
          data-testid={`settings-${field}`}
          onChange={(event) => setDraft((current) => ({ ...current, [field]: event.target.value }))}
          onBlur={() => void commit(field)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              void commit(field)
            }
          }}
        />
        <span className="history-settings__unit">{unit}</span>
      </div>
    </div>
  )

  return (
    <fieldset className="history-settings" data-testid="history-settings">
      <legend className="history-settings__legend">{t('historySettings.heading')}</legend>
      <div className="history-settings__row">
        {input('maxAgeDays', 'settings-history-age', t('historySettings.maxAge'), t('historySettings.days'))}
        {input('maxTotalMegabytes', 'settings-history-size', t('historySettings.maxSize'), t('historySettings.megabytes'))}
      </div>
      <p className={error ? 'dialog__hint dialog__hint--error' : 'dialog__hint'} role={error ? 'alert' : undefined}>
        {error?.message ?? t('historySettings.hint')}
      </p>
    </fieldset>
  )
}
