import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { commandSpec, type CommandId } from '../commands/commands'
import { shortcutLabel } from '../commands/shortcuts'
import { EditorOnlyIcon, FormulaIcon, OutlineIcon, PreviewOnlyIcon, SplitIcon } from './LayoutIcons'
import type { EditorLayout, ViewPreferences } from './view-preferences'

/** Props of {@link ViewToolbar}. */
export interface ViewToolbarProps {
  preferences: ViewPreferences
  onChange: (patch: Partial<ViewPreferences>) => void
}

const LAYOUTS: ReadonlyArray<{ layout: EditorLayout; label: 'view.layoutEditor' | 'view.layoutSplit' | 'view.layoutPreview'; icon: ReactNode }> = [
  { layout: 'editor', label: 'view.layoutEditor', icon: <EditorOnlyIcon /> },
  { layout: 'split', label: 'view.layoutSplit', icon: <SplitIcon /> },
  { layout: 'preview', label: 'view.layoutPreview', icon: <PreviewOnlyIcon /> },
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
  const { t } = useTranslation()
  const isEditorShown = layout !== 'preview'
  return (
    <div className="view-toolbar" role="toolbar" aria-label={t('view.toolbar')}>
      <button
        type="button"
        className="view-toolbar__toggle"
        aria-pressed={showOutline}
        title={withKeys(t('view.outline'), 'toggle-outline')}
        aria-label={t('view.outline')}
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
        title={withKeys(showMathWidgets ? t('view.mathWidgetsOn') : t('view.mathWidgetsOff'), 'toggle-math-widgets')}
        aria-label={t('view.mathWidgets')}
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
        title={isVim ? t('view.vimOn') : t('view.vimOff')}
        aria-label={t('view.vim')}
        data-testid="toggle-vim"
        onClick={() => onChange({ isVim: !isVim })}
      >
        Vim
      </button>
      <span className="view-toolbar__gap" />
      <div className="view-toolbar__segments" role="group" aria-label={withKeys(t('view.layout'), 'cycle-layout')} title={withKeys(t('view.layout'), 'cycle-layout')}>
        {LAYOUTS.map((option) => (
          <button
            key={option.layout}
            type="button"
            className="view-toolbar__segment"
            aria-pressed={layout === option.layout}
            aria-label={t(option.label)}
            title={t(option.label)}
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
