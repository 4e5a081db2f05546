import { useEffect, useRef, type ReactNode } from 'react'

/** Props of {@link ModalFrame}. */
export interface ModalFrameProps {
  /** Extra classes for the `<dialog>` beside `dialog`. */
  className?: string
  /** `data-testid` of the `<dialog>`. */
  testId: string
  /** The id of the element naming the dialog (its heading). */
  labelledBy: string
  /** The id of the element describing it, if any. */
  describedBy?: string
  /** Escape or (when allowed) a backdrop click; the owner decides whether to unmount. */
  onClose: () => void
  /** Whether a click on the backdrop calls `onClose` (default false: big dialogs hold work). */
  closesOnBackdrop?: boolean
  /** Called once the dialog is open, e.g. to focus or select something. */
  onOpen?: (dialog: HTMLDialogElement) => void
  children: ReactNode
}

/**
 * A native modal `<dialog>`: shown with `showModal()` when mounted (focus is
 * trapped and the page behind is inert) and closed when unmounted. Escape asks
 * `onClose` instead of closing on its own, so the owner's state stays the one truth
 * about whether the dialog is shown. The frame of every dialog of Lemma.
 */
export function ModalFrame({ className, testId, labelledBy, describedBy, onClose, closesOnBackdrop = false, onOpen, children }: ModalFrameProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
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
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (closesOnBackdrop && event.target === event.currentTarget) onClose()
      }}
    >
      {children}
    </dialog>
  )
}
