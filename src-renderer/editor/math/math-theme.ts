import { EditorView } from '@codemirror/view'

/** Looks of math in the editor: highlighted source and rendered widgets, using the app's tokens. */
export const mathTheme = EditorView.baseTheme({
  '.cm-math': { color: 'var(--syntax-math)' },
  '.cm-math-widget': { cursor: 'text' },
  '.cm-math-widget .katex': { fontSize: '1.05em' },
  // A formula wider than the column scrolls inside its widget instead of widening the text.
  '.cm-content': { minWidth: '0' },
  'div.cm-math-widget': { padding: '4px 0', overflowX: 'auto', overflowY: 'hidden', contain: 'inline-size' },
  'div.cm-math-widget .katex-display': { margin: '0' },
  // An equation number stays clear of a formula that overflows, however narrow the column.
  'div.cm-math-widget .katex-display > .katex': { minWidth: '100%', width: 'max-content' },
  'div.cm-math-widget .katex-display > .katex > .katex-html:has(> .katex-tag)': { paddingInline: '3em' },
  '.cm-math-widget .math-error, .cm-math-widget .math-too-large': {
    display: 'inline-flex',
    gap: '6px',
    padding: '0 6px',
    borderRadius: '4px',
    border: '1px solid var(--danger)',
    background: 'var(--danger-bg)',
    color: 'var(--danger)',
    fontSize: '0.85em',
  },
  '.cm-math-widget .math-too-large': { borderColor: 'var(--warning-border)', background: 'var(--warning-bg)', color: 'var(--warning)' },
  '.cm-math-widget .math-error-source': { fontFamily: 'var(--font-mono)', color: 'var(--text-secondary)' },
})
