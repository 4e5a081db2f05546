/** How the editor pane shows a post: source only, source and preview side by side, or preview only. */
export type EditorLayout = 'editor' | 'split' | 'preview'

/** The layouts in toolbar order, which is also the order {@link nextLayout} cycles through. */
export const EDITOR_LAYOUTS: readonly EditorLayout[] = ['editor', 'split', 'preview']

/** How the person set up the editor pane; kept between sessions. */
export interface ViewPreferences {
  layout: EditorLayout
  /** The editor's share of the width in the split layout, between {@link MIN_SPLIT} and {@link MAX_SPLIT}. */
  splitRatio: number
  /** Formulas render in place in the editor (off leaves highlighted TeX). */
  showMathWidgets: boolean
  /** Vim key bindings in the editor. */
  isVim: boolean
  /** The outline of headings beside the text. */
  showOutline: boolean
}

/** The narrowest share of the width either side of the split may get. */
export const MIN_SPLIT = 0.25
/** The widest share of the width the editor may get in the split. */
export const MAX_SPLIT = 0.75

/** What a first start looks like: split view, rendered formulas, no Vim, no outline. */
export const DEFAULT_VIEW_PREFERENCES: ViewPreferences = {
  layout: 'split',
  splitRatio: 0.5,
  showMathWidgets: true,
  isVim: false,
  showOutline: false,
}

/** The layout after `layout` in {@link EDITOR_LAYOUTS}, wrapping around. */
export function nextLayout(layout: EditorLayout): EditorLayout {
  return EDITOR_LAYOUTS[(EDITOR_LAYOUTS.indexOf(layout) + 1) % EDITOR_LAYOUTS.length]
}

/** Keeps a split ratio within {@link MIN_SPLIT}…{@link MAX_SPLIT}; anything that is not a finite number becomes ½. */
export function clampSplitRatio(ratio: number): number {
  if (!Number.isFinite(ratio)) return DEFAULT_VIEW_PREFERENCES.splitRatio
  return Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, ratio))
}

/**
 * Reads preferences stored by an earlier run (JSON text, possibly from an older or
 * newer version, possibly hand-edited or corrupt): each field that is missing or
 * invalid takes its default, the rest are kept.
 */
export function parseViewPreferences(stored: string | null): ViewPreferences {
  let raw: unknown
  try {
    raw = stored === null ? null : JSON.parse(stored)
  } catch {
    raw = null
  }
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const defaults = DEFAULT_VIEW_PREFERENCES
  const flag = (key: 'showMathWidgets' | 'isVim' | 'showOutline') => (typeof value[key] === 'boolean' ? (value[key] as boolean) : defaults[key])
  return {
    layout: EDITOR_LAYOUTS.includes(value.layout as EditorLayout) ? (value.layout as EditorLayout) : defaults.layout,
    splitRatio: typeof value.splitRatio === 'number' ? clampSplitRatio(value.splitRatio) : defaults.splitRatio,
    showMathWidgets: flag('showMathWidgets'),
    isVim: flag('isVim'),
    showOutline: flag('showOutline'),
  }
}
