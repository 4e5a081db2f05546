import { useId, type FormEvent, type ReactNode } from 'react'
import { ModalFrame } from './ModalFrame'

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  /** The heading, which also names the dialog for screen readers. */
  title: ReactNode
  /** `data-testid` of the `<dialog>`. */
  testId: string
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

/** A small {@link ModalFrame} holding one form under a heading: the settings and every prompt. */
export function ModalDialog({ title, testId, onClose, onSubmit, closesOnBackdrop = true, onOpen, children }: ModalDialogProps) {
  const headingId = useId()
  return (
    <ModalFrame testId={testId} labelledBy={headingId} onClose={onClose} closesOnBackdrop={closesOnBackdrop} onOpen={onOpen}>
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
    </ModalFrame>
  )
}
