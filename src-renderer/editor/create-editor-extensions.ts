import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { bracketMatching, indentOnInput } from '@codemirror/language'
import { languages } from '@codemirror/language-data'
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search'
import { EditorState, type Extension } from '@codemirror/state'
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  placeholder,
} from '@codemirror/view'
import { blockBackgrounds } from './block-backgrounds'
import { isFromDisk } from './disk-sync'
import { editorTheme } from './editor-theme'
import { frontMatterSyntax } from './front-matter-syntax'
import { markdownHighlighting } from './markdown-highlight'
import { mathSyntax } from './math-syntax'

/** Callbacks through which the editor reports to its owner; both are optional. */
export interface EditorListeners {
  /**
   * Called after every update that the person typed or otherwise caused; changes
   * annotated with {@link fromDisk} are not edits and are not reported.
   */
  onEdit?: (state: EditorState) => void
  /** Called when the selection moves or the document changes, e.g. for a cursor readout. */
  onSelection?: (state: EditorState) => void
}

function listen({ onEdit, onSelection }: EditorListeners): Extension {
  return EditorView.updateListener.of((update) => {
    if (onEdit && update.transactions.some((tr) => tr.docChanged && !isFromDisk(tr))) onEdit(update.state)
    if (onSelection && (update.docChanged || update.selectionSet)) onSelection(update.state)
  })
}

/**
 * Everything the post editor needs, as one extension: Markdown with front matter,
 * TeX math and highlighted code fences (languages load on demand), soft wrapping,
 * undo history, the default and search keymaps, bracket matching, an active-line
 * highlight and the app's theme. The listeners are fixed for the life of the state,
 * so pass functions that read the current owner (e.g. through a ref).
 */
export function createEditorExtensions(listeners: EditorListeners = {}): Extension {
  return [
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    markdown({ base: markdownLanguage, codeLanguages: languages, extensions: [frontMatterSyntax, mathSyntax] }),
    markdownHighlighting(),
    blockBackgrounds(),
    editorTheme,
    placeholder('Start writing…'),
    keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
    EditorView.contentAttributes.of({ spellcheck: 'false', autocapitalize: 'off', 'aria-label': 'Post text' }),
    listen(listeners),
  ]
}
