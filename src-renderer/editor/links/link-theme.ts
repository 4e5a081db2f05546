import { EditorView } from '@codemirror/view'

/**
 * How links between posts look in the editor: `[[wiki]]` links in the link colour,
 * unresolved ones in the danger colour with a dashed underline, and every link
 * underlined with a pointer while Ctrl/Cmd is held. Colours come from the app's
 * light/dark tokens.
 */
export const linkTheme = EditorView.baseTheme({
  '.cm-post-link--wiki': { color: 'var(--syntax-link)' },
  '.cm-post-link--unresolved, .cm-post-link--unresolved *': {
    color: 'var(--danger)',
    textDecoration: 'underline dashed',
    textDecorationColor: 'color-mix(in srgb, var(--danger) 70%, transparent)',
    textUnderlineOffset: '3px',
  },
  '&.cm-follow-links .cm-post-link': { cursor: 'pointer', textDecoration: 'underline', textUnderlineOffset: '3px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-ui)', maxHeight: '16em' },
  '.cm-tooltip-autocomplete .cm-completionDetail': { marginLeft: '12px', color: 'var(--text-muted)', fontStyle: 'normal', fontSize: '0.85em' },
  '&light .cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected], &dark .cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    background: 'var(--bg-selected)',
    color: 'var(--text)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete': { padding: '4px', borderRadius: '8px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '4px 10px', borderRadius: '5px', lineHeight: '1.5' },
})
