import { Compartment, Prec, type Extension, type StateEffect } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { createFormulaRenderer } from '../../src-shared/markdown/formula-renderer'
import { EDITOR_FORMULA_BUDGET, mathPreviewExtension } from './math'

/** The parts of the editor the person can switch at run time. */
export interface EditorOptions {
  /** The folder's TeX macro preamble, used by the formula widgets. */
  preamble: string
  /** Render formulas in place; off leaves highlighted TeX only. */
  showMathWidgets: boolean
  /** Vim key bindings (loaded on first use). */
  isVim: boolean
}

/**
 * Switchable editor features of one editor, each in its own `Compartment`: math
 * (highlighting, widgets, the preamble) and Vim bindings. {@link of} configures a
 * new state with the current options; {@link apply} changes them and reconfigures
 * the live view in place, so switching never rebuilds the view or loses undo history.
 */
export interface OptionalExtensions {
  /** The extensions for a new state, with the options last applied. */
  of(): Extension
  /** Switches to `options` in `view`. Vim loads on first use and is switched on once loaded, if still wanted. */
  apply(view: EditorView, options: EditorOptions): void
}

type VimModule = typeof import('@replit/codemirror-vim')
let vimModule: VimModule | null = null
let vimLoading: Promise<VimModule> | null = null

/**
 * Creates the compartments of one editor, starting with `initial`. All its math
 * configurations share one formula renderer, so the cache survives a change of
 * preamble (macros are part of every cache key) and toggling the widgets.
 */
export function createOptionalExtensions(initial: EditorOptions): OptionalExtensions {
  const math = new Compartment()
  const vim = new Compartment()
  const formulaRenderer = createFormulaRenderer({ budget: EDITOR_FORMULA_BUDGET, cacheSize: 2000 })
  let current = initial

  const mathExtension = () => mathPreviewExtension({ preamble: current.preamble, showWidgets: current.showMathWidgets, formulaRenderer })
  // Vim must see keys before the default keymaps.
  const vimExtension = () => (current.isVim && vimModule ? Prec.highest(vimModule.vim({ status: true })) : [])

  return {
    of: () => [math.of(mathExtension()), vim.of(vimExtension())],
    apply(view, options) {
      const before = current
      current = options
      const effects: StateEffect<unknown>[] = []
      if (before.preamble !== options.preamble || before.showMathWidgets !== options.showMathWidgets) effects.push(math.reconfigure(mathExtension()))
      if (before.isVim !== options.isVim) effects.push(vim.reconfigure(vimExtension()))
      if (effects.length > 0) view.dispatch({ effects })
      if (options.isVim && !vimModule) {
        vimLoading ??= import('@replit/codemirror-vim')
        void vimLoading.then((module) => {
          vimModule = module
          if (current.isVim && view.dom.isConnected) view.dispatch({ effects: vim.reconfigure(vimExtension()) })
        })
      }
    },
  }
}
