import { useRef } from 'react'
import { ModalDialog } from './ModalDialog'

/** Props of {@link PromptDialog}. */
export interface PromptDialogProps {
  title: string
  /** The label of the text field. */
  label: string
  value: string
  onValueChange: (value: string) => void
  placeholder?: string
  /** What the value will do, shown under the field while there is no error. */
  hint: string
  /** Why the last try failed; shown instead of the hint and announced. */
  error: string | null
  /** While true the field is read-only and the buttons are disabled. */
  isBusy: boolean
  submitLabel: string
  busyLabel: string
  cancelLabel: string
  onSubmit: () => void
  onClose: () => void
  /** Whether a backdrop click cancels (default true). */
  closesOnBackdrop?: boolean
  /** The part of the initial value to select, e.g. a file name without its extension; all of it by default. */
  initialSelection?: (value: string) => [number, number]
  /** `id` of the field; its hint is `<id>-hint`. */
  inputId: string
  testIds: { dialog: string; input: string; submit: string }
}

/**
 * A modal dialog asking for one line of text (Electron has no `window.prompt`):
 * Enter submits, Escape cancels, and a failure is shown in place under the field
 * while the dialog stays open with what was typed.
 */
export function PromptDialog(props: PromptDialogProps) {
  const { value, error, isBusy, inputId, testIds } = props
  const inputRef = useRef<HTMLInputElement>(null)
  const hintId = `${inputId}-hint`
  return (
    <ModalDialog
      title={props.title}
      testId={testIds.dialog}
      onClose={props.onClose}
      closesOnBackdrop={props.closesOnBackdrop}
      onSubmit={() => {
        if (!isBusy) props.onSubmit()
        // A refused value is retyped in place.
        inputRef.current?.focus()
      }}
      onOpen={() => {
        const input = inputRef.current
        if (!input) return
        input.focus()
        const [start, end] = props.initialSelection?.(input.value) ?? [0, input.value.length]
        input.setSelectionRange(start, end)
      }}
    >
      <label className="dialog__label" htmlFor={inputId}>
        {props.label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="text-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={props.placeholder}
        value={value}
        readOnly={isBusy}
        aria-invalid={error ? true : undefined}
        aria-describedby={hintId}
        data-testid={testIds.input}
        onChange={(event) => props.onValueChange(event.target.value)}
      />
      <p id={hintId} className={error ? 'dialog__hint dialog__hint--error' : 'dialog__hint'} role={error ? 'alert' : undefined}>
        {error ?? props.hint}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onClose} disabled={isBusy}>
          {props.cancelLabel}
        </button>
        <button type="submit" className="button button--primary" disabled={isBusy} data-testid={testIds.submit}>
          {isBusy ? props.busyLabel : props.submitLabel}
        </button>
      </div>
    </ModalDialog>
  )
}
