import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { EditorState, type Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { frontMatterSyntax, mathSyntax } from '../../editor'
import { markdownHighlighting } from '../../editor/markdown-highlight'

/** Colours of the compare panes, from the app's tokens so light and dark both work. */
const compareTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--editor-bg)', color: 'var(--editor-text)', fontSize: '13px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.65' },
  '.cm-content': { padding: '10px 0 24px', caretColor: 'var(--editor-cursor)' },
  '.cm-line': { padding: '0 14px 0 10px' },
  '.cm-cursor': { borderLeft: '2px solid var(--editor-cursor)' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': {
    backgroundColor: 'var(--editor-selection)',
  },
})

/**
 * The extensions of one side of a compare view: Markdown with math and front matter
 * highlighted like the editor, soft-wrapped lines, and `isEditable` (one side may be
 * edited, e.g. to pull the other side's lines in; the other is read-only). `phrases`
 * translate CodeMirror's own words (e.g. `$ unchanged lines`).
 */
export function compareExtensions({ isEditable, label, phrases = {} }: { isEditable: boolean; label: string; phrases?: Record<string, string> }): Extension {
  return [
    EditorState.phrases.of(phrases),
    markdown({ base: markdownLanguage, extensions: [frontMatterSyntax, mathSyntax] }),
    markdownHighlighting(),
    EditorView.lineWrapping,
    compareTheme,
    EditorView.editable.of(isEditable),
    EditorState.readOnly.of(!isEditable),
    EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false' }),
  ]
}
