import type { Extension } from '@codemirror/state'
import { mathConfig, resolveMathOptions, type MathPreviewOptions } from './math-config'
import { mathHighlightPlugin } from './math-highlight'
import { mathIndexField } from './math-index-field'
import { mathTheme } from './math-theme'
import { mathWidgetField, mathWidgetReporter } from './math-widgets'

export { EDITOR_FORMULA_BUDGET, mathConfig, type MathConfig, type MathPreviewOptions } from './math-config'
export { mathCompositionChanged, mathViewportChanged, type MathWidgetState } from './math-widgets'
export { MathWidget } from './math-widget'

/**
 * Math in the editor, as one extension meant to live in a `Compartment`: formulas
 * (found by the shared scanner, numbered like the preview) are highlighted with
 * `cm-math`, and, unless `showWidgets` is false, rendered in place whenever the
 * cursor is outside them, within the visible ranges only, never changed during IME
 * composition. Switch it off or change the preamble with
 * `compartment.reconfigure(mathPreviewExtension(newOptions))` (or `[]`). Widgets need
 * KaTeX's stylesheet (`katex/dist/katex.min.css`), which the preview already imports.
 */
export function mathPreviewExtension(options: MathPreviewOptions = {}): Extension {
  const index = mathIndexField()
  return [
    mathConfig.of(resolveMathOptions(options)),
    index,
    mathHighlightPlugin(index),
    mathWidgetField(index),
    mathWidgetReporter(),
    mathTheme,
  ]
}
