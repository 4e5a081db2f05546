import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { SaveStatusLabels } from './save-status'

/** The save indicator's words in the interface language, the same object until the language changes. */
export function useSaveStatusLabels(): SaveStatusLabels {
  const { t } = useTranslation()
  return useMemo(
    () => ({
      saving: t('saveStatus.saving'),
      conflict: t('saveStatus.conflict'),
      missing: t('saveStatus.missing'),
      failed: (message: string) => t('saveStatus.failed', { message }),
      unsaved: t('saveStatus.unsaved'),
      saved: t('saveStatus.saved'),
    }),
    [t],
  )
}
