import './picker.css'
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { moveSelection } from './list-navigation'

/** Props of {@link PickerDialog}. */
export interface PickerDialogProps {
  /** The accessible name of the dialog and its input. */
  label: string
  testId: string
  icon: ReactNode
  placeholder: string
  query: string
  onQuery: (query: string) => void
  /** How many rows the list has (rendered by the caller as {@link PickerRow}s). */
  count: number
  selected: number
  onSelected: (index: number) => void
  onPick: (index: number) => void
  onClose: () => void
  /** Select the query on open, so typing replaces the last one. */
  isQuerySelected?: boolean
  /** Shown between the input and the list, e.g. filter hints. */
  aboveList?: ReactNode
  /** The list's rows, or what to show instead of them. */
  children: ReactNode
  /** Shown under the list: counts, status, keys. */
  footer?: ReactNode
  className?: string
}

/**
 * The shell of quick open, the command palette and the search panel: a modal
 * dialog near the top of the window with a query input and a list the keyboard
 * drives without leaving the input (↑/↓ and PageUp/PageDown select, Enter picks,
 * Escape or a click outside closes). Enter waits while an input method is still
 * composing, so picking a Chinese candidate never opens a row.
 */
export function PickerDialog(props: PickerDialogProps) {
  const { label, testId, icon, placeholder, query, onQuery, count, selected, onSelected, onPick, onClose, isQuerySelected, aboveList, children, footer, className } = props
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const listId = `${testId}-list`
  // Only on open: later renders must not re-select what is being typed.
  const [isSelectedOnOpen] = useState(isQuerySelected)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    if (isSelectedOnOpen) inputRef.current?.select()
    return () => dialog?.close()
  }, [isSelectedOnOpen])

  useEffect(() => {
    listRef.current?.querySelector(`#${CSS.escape(rowId(testId, selected))}`)?.scrollIntoView({ block: 'nearest' })
  }, [selected, testId, count])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return
    const next = moveSelection(selected, count, event.key)
    if (next !== null) {
      event.preventDefault()
      onSelected(next)
    } else if (event.key === 'Enter' && count > 0) {
      event.preventDefault()
      onPick(Math.min(Math.max(selected, 0), count - 1))
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className={className ? `picker ${className}` : 'picker'}
      aria-label={label}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div className="picker__body">
        <div className="picker__search">
          <span className="picker__icon">{icon}</span>
          <input
            ref={inputRef}
            className="picker__input"
            type="text"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            role="combobox"
            aria-label={label}
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={count > 0 ? rowId(testId, selected) : undefined}
            placeholder={placeholder}
            value={query}
            data-testid={`${testId}-input`}
            onChange={(event) => onQuery(event.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
        {aboveList}
        <div ref={listRef} id={listId} className="picker__list" role="listbox" aria-label={label}>
          {children}
        </div>
        {footer && <div className="picker__footer">{footer}</div>}
      </div>
    </dialog>
  )
}

/** Props of {@link PickerRow}. */
export interface PickerRowProps {
  testId: string
  index: number
  isSelected: boolean
  isDisabled?: boolean
  onSelected: (index: number) => void
  onPick: (index: number) => void
  children: ReactNode
  className?: string
  /** Extra attributes for tests and styling, e.g. `data-path`. */
  data?: Record<`data-${string}`, string>
}

/** One row of a {@link PickerDialog}'s list: selected by the pointer moving over it, picked by a click. */
export function PickerRow({ testId, index, isSelected, isDisabled, onSelected, onPick, children, className, data }: PickerRowProps) {
  let classes = 'picker__row'
  if (isSelected) classes += ' picker__row--selected'
  if (isDisabled) classes += ' picker__row--disabled'
  if (className) classes += ` ${className}`
  return (
    <div
      id={rowId(testId, index)}
      className={classes}
      role="option"
      aria-selected={isSelected}
      aria-disabled={isDisabled || undefined}
      data-testid={`${testId}-row`}
      {...data}
      onMouseMove={() => {
        if (!isSelected) onSelected(index)
      }}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onPick(index)}
    >
      {children}
    </div>
  )
}

function rowId(testId: string, index: number): string {
  return `${testId}-row-${index}`
}
