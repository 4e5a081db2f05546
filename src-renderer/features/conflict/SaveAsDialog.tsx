import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
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
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(() => saveAsSuggestion(currentPath))
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const folder = folderOf(currentPath)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    // Select the name without its extension, ready to be retyped.
    const input = inputRef.current
    input?.setSelectionRange(0, input.value.replace(/\.(md|markdown)$/i, '').length)
    return () => dialog?.close()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (isBusy) return
    const path = saveAsPath(currentPath, name)
    if (!path) {
      setError(t('saveAs.needsName'))
      inputRef.current?.focus()
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
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="save-as-heading"
      data-testid="save-as-dialog"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <form className="dialog__body" onSubmit={submit} noValidate>
        <h2 id="save-as-heading" className="dialog__title">
          {t('saveAs.title')}
        </h2>
        <label className="dialog__label" htmlFor="save-as-name">
          {t('saveAs.label')}
        </label>
        <input
          ref={inputRef}
          id="save-as-name"
          className="text-input"
          type="text"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={name}
          readOnly={isBusy}
          aria-invalid={error ? true : undefined}
          aria-describedby="save-as-hint"
          data-testid="save-as-name"
          onChange={(event) => {
            setName(event.target.value)
            setError(null)
          }}
        />
        <p id="save-as-hint" className={error ? 'dialog__hint dialog__hint--error' : 'dialog__hint'} role={error ? 'alert' : undefined}>
          {error ?? (folder ? t('saveAs.whereFolder', { folder }) : t('saveAs.whereRoot'))}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {t('saveAs.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy} data-testid="save-as-submit">
            {isBusy ? t('saveAs.saving') : t('saveAs.save')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
