import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react'

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  /** The heading, which also names the dialog for screen readers. */
  title: ReactNode
  /** `data-testid` of the `<dialog>`. */
  testId: string
  /** Extra classes for the `<dialog>` beside `dialog`. */
  className?: string
  /** Escape, a backdrop click (when allowed) or the caller's own buttons close it. */
  onClose: () => void
  /** What Enter in the form does; by default it closes the dialog. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  /** Whether a click on the backdrop closes the dialog (default true). */
  closesOnBackdrop?: boolean
  /** Called once the dialog is open, e.g. to select part of an input. */
  onOpen?: (dialog: HTMLDialogElement) => void
  children: ReactNode
}

/**
 * A native modal `<dialog>` holding one form: shown with `showModal()` when mounted
 * (so focus is trapped and the page behind is inert), closed when unmounted. Escape
 * asks `onClose` instead of closing on its own, so the owner's state stays the one
 * truth about whether the dialog is shown. The frame every dialog of Lemma shares.
 */
export function ModalDialog({ title, testId, className, onClose, onSubmit, closesOnBackdrop = true, onOpen, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  // The latest callback, without re-running the mount effect when the owner re-renders.
  const onOpenRef = useRef(onOpen)
  onOpenRef.current = onOpen

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    onOpenRef.current?.(dialog)
    return () => dialog.close()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={headingId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (closesOnBackdrop && event.target === event.currentTarget) onClose()
      }}
    >
      <form
        className="dialog__body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (onSubmit) onSubmit(event)
          else onClose()
        }}
      >
        <h2 id={headingId} className="dialog__title">
          {title}
        </h2>
        {children}
      </form>
    </dialog>
  )
}
