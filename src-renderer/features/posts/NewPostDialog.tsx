import { useEffect, useRef, useState, type FormEvent } from 'react'

/** Props of {@link NewPostDialog}. */
export interface NewPostDialogProps {
  /** Creates the post; resolves to an error message to show, or null on success. */
  onCreate: (title: string) => Promise<string | null>
  onClose: () => void
}

/**
 * A modal dialog that asks for the title of a new post (Electron has no
 * `window.prompt`). Mount it to show it; Enter creates, Escape or a click outside
 * cancels. A failure (e.g. a post with that name exists) is shown in place and the
 * dialog stays open.
 */
export function NewPostDialog({ onCreate, onClose }: NewPostDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const [title, setTitle] = useState('')
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
      setError('Give the post a title.')
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
          New post
        </h2>
        <label className="dialog__label" htmlFor="new-post-title">
          Title
        </label>
        <input
          ref={inputRef}
          id="new-post-title"
          className="text-input"
          type="text"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. 扩散模型的数学基础"
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
          {error ?? 'A Markdown file is created at the top of the vault.'}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy} data-testid="new-post-submit">
            {isBusy ? 'Creating…' : 'Create post'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
