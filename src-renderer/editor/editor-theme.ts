import { EditorView } from '@codemirror/view'

const blockBackground = {
  backgroundColor: 'var(--bg-code)',
  boxShadow: '-10px 0 0 var(--bg-code), 10px 0 0 var(--bg-code)',
}

/**
 * The editor's look: a centred column of monospace text with generous leading,
 * quiet chrome, and colours taken from the app's CSS custom properties so that it
 * follows the light or dark theme of the page.
 */
export const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    backgroundColor: 'var(--editor-bg)',
    color: 'var(--editor-text)',
    fontSize: '14.5px',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--font-mono)',
    lineHeight: '1.8',
    overflowX: 'hidden',
  },
  '.cm-content': {
    maxWidth: '48rem',
    margin: '0 auto',
    padding: '28px 48px 40vh',
    caretColor: 'var(--editor-cursor)',
  },
  '.cm-line': { padding: '0 2px' },
  '.cm-cursor, .cm-dropCursor': { borderLeft: '2px solid var(--editor-cursor)' },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': {
    backgroundColor: 'var(--editor-selection)',
  },
  '.cm-content ::selection': { backgroundColor: 'var(--editor-selection)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-focused .cm-matchingBracket': {
    backgroundColor: 'var(--accent-soft)',
    outline: '1px solid var(--border-focus)',
    borderRadius: '2px',
  },
  '&.cm-focused .cm-nonmatchingBracket': { color: 'var(--danger)' },
  '.cm-searchMatch': { backgroundColor: 'var(--editor-search-match)', borderRadius: '2px' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--editor-search-match-selected)' },
  '.cm-placeholder': { color: 'var(--text-faint)', fontStyle: 'italic' },
  '.cm-md-code-block, .cm-md-math-block, .cm-md-front-matter': blockBackground,
  '.cm-md-code-block-start, .cm-md-math-block-start, .cm-md-front-matter-start': { borderTopLeftRadius: '6px', borderTopRightRadius: '6px' },
  '.cm-md-code-block-end, .cm-md-math-block-end, .cm-md-front-matter-end': { borderBottomLeftRadius: '6px', borderBottomRightRadius: '6px' },
  '.cm-md-math-block': { backgroundColor: 'transparent', boxShadow: 'inset 2px 0 0 var(--syntax-math)', paddingLeft: '12px' },
  '.cm-md-front-matter': { fontSize: '0.92em' },
  '.cm-panels': {
    backgroundColor: 'var(--bg-sidebar)',
    color: 'var(--text)',
    fontFamily: 'var(--font-ui)',
    fontSize: '12.5px',
  },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-panel.cm-search': { padding: '8px 12px', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px' },
  '.cm-panel.cm-search br': { display: 'none' },
  '.cm-panel.cm-search label': { display: 'inline-flex', alignItems: 'center', gap: '4px', color: 'var(--text-secondary)' },
  '.cm-panel.cm-search [name=close]': {
    position: 'static',
    marginLeft: 'auto',
    fontSize: '16px',
    color: 'var(--text-muted)',
    cursor: 'pointer',
  },
  '.cm-textfield': {
    height: '26px',
    padding: '0 8px',
    border: '1px solid var(--border-strong)',
    borderRadius: '5px',
    backgroundColor: 'var(--bg-input)',
    color: 'var(--text)',
    fontSize: '12.5px',
  },
  '.cm-textfield:focus': { outline: 'none', borderColor: 'var(--border-focus)' },
  '.cm-button': {
    height: '26px',
    padding: '0 10px',
    border: '1px solid var(--border-strong)',
    borderRadius: '5px',
    backgroundImage: 'none',
    backgroundColor: 'var(--bg-raised)',
    color: 'var(--text)',
    fontSize: '12px',
    cursor: 'pointer',
  },
  '.cm-button:active': { backgroundImage: 'none', backgroundColor: 'var(--bg-active)' },
  '.cm-tooltip': {
    border: '1px solid var(--border)',
    borderRadius: '6px',
    backgroundColor: 'var(--bg-raised)',
    color: 'var(--text)',
    boxShadow: 'var(--shadow-popover)',
  },
})
