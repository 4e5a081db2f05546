import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PromptDialog } from '../../ui/PromptDialog'
import type { Result } from '../../../src-shared/model/results'
import { folderOf, saveAsPath, saveAsSuggestion } from './save-as-path'

/** Props of {@link SaveAsDialog}. */
export interface SaveAsDialogProps {
  /** The post's path now; the new file goes in the same folder. */
  currentPath: string
  /** Writes the text as a new file at `path` (never over an existing one). */
  onSave: (path: string) => Promise<Result<object>>
  onClose: () => void
}

/**
 * A modal dialog asking for a new file name to save the open text under, e.g. for a
 * post deleted on disk. A name already taken, or refused by main, is explained in
 * place and the dialog stays open; nothing is ever overwritten.
 */
export function SaveAsDialog({ currentPath, onSave, onClose }: SaveAsDialogProps) {
  const { t } = useTranslation()
  const [name, setName] = useState(() => saveAsSuggestion(currentPath))
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const folder = folderOf(currentPath)

  const submit = async () => {
    const path = saveAsPath(currentPath, name)
    if (!path) {
      setError(t('saveAs.needsName'))
      return
    }
    setIsBusy(true)
    setError(null)
    const result = await onSave(path)
    setIsBusy(false)
    if (result.ok) onClose()
    else setError(result.reason === 'exists' ? t('saveAs.exists', { path }) : result.message)
  }

  return (
    <PromptDialog
      title={t('saveAs.title')}
      label={t('saveAs.label')}
      value={name}
      onValueChange={(value) => {
        setName(value)
        setError(null)
      }}
      hint={folder ? t('saveAs.whereFolder', { folder }) : t('saveAs.whereRoot')}
      error={error}
      isBusy={isBusy}
      submitLabel={t('saveAs.save')}
      busyLabel={t('saveAs.saving')}
      cancelLabel={t('saveAs.cancel')}
      onSubmit={() => void submit()}
      onClose={onClose}
      // The text exists nowhere else: a stray click must not throw the dialog away.
      closesOnBackdrop={false}
      // The name without its extension, ready to be retyped.
      initialSelection={(value) => [0, value.replace(/\.(md|markdown)$/i, '').length]}
      inputId="save-as-name"
      testIds={{ dialog: 'save-as-dialog', input: 'save-as-name', submit: 'save-as-submit' }}
    />
  )
}
