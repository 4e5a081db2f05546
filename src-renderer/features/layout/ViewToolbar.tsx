import type { ReactNode } from 'react'
import { commandSpec, type CommandId } from '../commands/commands'
import { shortcutLabel } from '../commands/shortcuts'
import { EditorOnlyIcon, FormulaIcon, OutlineIcon, PreviewOnlyIcon, SplitIcon } from './LayoutIcons'
import type { EditorLayout, ViewPreferences } from './view-preferences'

/** Props of {@link ViewToolbar}. */
export interface ViewToolbarProps {
  preferences: ViewPreferences
  onChange: (patch: Partial<ViewPreferences>) => void
}

const LAYOUTS: ReadonlyArray<{ layout: EditorLayout; label: string; icon: ReactNode }> = [
  { layout: 'editor', label: 'Editor only', icon: <EditorOnlyIcon /> },
  { layout: 'split', label: 'Editor and preview', icon: <SplitIcon /> },
  { layout: 'preview', label: 'Preview only', icon: <PreviewOnlyIcon /> },
]

function withKeys(label: string, id: CommandId): string {
  return `${label} (${shortcutLabel(commandSpec(id).shortcut)})`
}

/**
 * The editor pane's view switches, in the header: the outline, rendered formulas
 * in the editor, Vim keys, and the layout (editor only, split, preview only).
 * Each is a toggle button that says whether it is on (`aria-pressed`).
 */
export function ViewToolbar({ preferences, onChange }: ViewToolbarProps) {
  const { layout, showOutline, showMathWidgets, isVim } = preferences
  const isEditorShown = layout !== 'preview'
  return (
    <div className="view-toolbar" role="toolbar" aria-label="View">
      <button
        type="button"
        className="view-toolbar__toggle"
        aria-pressed={showOutline}
        title={withKeys('Outline', 'toggle-outline')}
        aria-label="Outline"
        data-testid="toggle-outline"
        onClick={() => onChange({ showOutline: !showOutline })}
      >
        <OutlineIcon />
      </button>
      <button
        type="button"
        className="view-toolbar__toggle"
        aria-pressed={showMathWidgets}
        disabled={!isEditorShown}
        title={withKeys(showMathWidgets ? 'Formulas render in the editor' : 'Formulas show as TeX in the editor', 'toggle-math-widgets')}
        aria-label="Render formulas in the editor"
        data-testid="toggle-math-widgets"
        onClick={() => onChange({ showMathWidgets: !showMathWidgets })}
      >
        <FormulaIcon />
      </button>
      <button
        type="button"
        className="view-toolbar__toggle view-toolbar__toggle--text"
        aria-pressed={isVim}
        disabled={!isEditorShown}
        title={isVim ? 'Vim keys are on' : 'Vim keys are off'}
        aria-label="Vim keys"
        data-testid="toggle-vim"
        onClick={() => onChange({ isVim: !isVim })}
      >
        Vim
      </button>
      <span className="view-toolbar__gap" />
      <div className="view-toolbar__segments" role="group" aria-label={withKeys('Layout', 'cycle-layout')} title={withKeys('Layout', 'cycle-layout')}>
        {LAYOUTS.map((option) => (
          <button
            key={option.layout}
            type="button"
            className="view-toolbar__segment"
            aria-pressed={layout === option.layout}
            aria-label={option.label}
            title={option.label}
            data-testid={`layout-${option.layout}`}
            onClick={() => onChange({ layout: option.layout })}
          >
            {option.icon}
          </button>
        ))}
      </div>
    </div>
  )
}
