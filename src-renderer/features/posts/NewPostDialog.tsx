import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

/** Props of {@link NewPostDialog}. */
export interface NewPostDialogProps {
  /** Creates the post; resolves to an error message to show, or null on success. */
  onCreate: (title: string) => Promise<string | null>
  onClose: () => void
  /** Where the post goes and what it starts with, told to the writer; the top of the vault when absent. */
  target?: { folder: string; categories: readonly string[]; tags: readonly string[] }
  /** The title to start with, e.g. the one an unresolved `[[link]]` suggests. */
  initialTitle?: string
}

/**
 * A modal dialog that asks for the title of a new post (Electron has no
 * `window.prompt`). Mount it to show it; Enter creates, Escape or a click outside
 * cancels. A failure (e.g. a post with that name exists) is shown in place and the
 * dialog stays open.
 */
export function NewPostDialog({ onCreate, onClose, target, initialTitle = '' }: NewPostDialogProps) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState(initialTitle)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (isBusy) return
    const trimmed = title.trim()
    if (!trimmed) {
      setError(t('newPost.needsTitle'))
      inputRef.current?.focus()
      return
    }
    setIsBusy(true)
    setError(null)
    const failure = await onCreate(trimmed)
    setIsBusy(false)
    if (failure) setError(failure)
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="new-post-heading"
      data-testid="new-post-dialog"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <form className="dialog__body" onSubmit={submit} noValidate>
        <h2 id="new-post-heading" className="dialog__title">
          {t('newPost.title')}
        </h2>
        <label className="dialog__label" htmlFor="new-post-title">
          {t('newPost.label')}
        </label>
        <input
          ref={inputRef}
          id="new-post-title"
          className="text-input"
          type="text"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder={t('newPost.placeholder')}
          value={title}
          readOnly={isBusy}
          aria-invalid={error ? true : undefined}
          aria-describedby="new-post-hint"
          data-testid="new-post-title-input"
          onChange={(event) => {
            setTitle(event.target.value)
            setError(null)
          }}
        />
        <p id="new-post-hint" className={error ? 'dialog__hint dialog__hint--error' : 'dialog__hint'} role={error ? 'alert' : undefined}>
          {error ?? where(target, t)}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {t('newPost.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy} data-testid="new-post-submit">
            {isBusy ? t('newPost.creating') : t('newPost.create')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

function where(target: NewPostDialogProps['target'], t: ReturnType<typeof useTranslation>['t']): string {
  const parts = [target?.folder ? t('newPost.whereFolder', { folder: target.folder }) : t('newPost.whereRoot')]
  if (target && target.categories.length > 0) parts.push(t('newPost.withCategory', { category: target.categories.join(' / ') }))
  if (target && target.tags.length > 0) parts.push(t('newPost.withTag', { tag: target.tags.join(', ') }))
  return parts.join(' ')
}
