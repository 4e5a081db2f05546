import type { EditorState } from '@codemirror/state'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { cursorPosition } from '../../editor'
import { useDebouncedValue } from '../../ui/useDebouncedValue'
import { countWords } from './word-count'

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  state: EditorState | null
  lineEnding: '\n' | '\r\n'
}

/** The strip under the editor: line ending and format, word count (after a short pause) and cursor position. */
export function StatusBar({ state, lineEnding }: StatusBarProps) {
  const doc = useDebouncedValue(state?.doc ?? null, 250)
  const words = useMemo(() => (doc ? countWords(doc.toString()) : 0), [doc])
  const cursor = state ? cursorPosition(state) : null
  const { t } = useTranslation()
  return (
    <footer className="status-bar">
      <span className="status-bar__item">Markdown</span>
      <span className="status-bar__item" title={t('editor.lineEndings')}>
        {lineEnding === '\r\n' ? 'CRLF' : 'LF'}
      </span>
      <span className="status-bar__spacer" />
      <span className="status-bar__item" data-testid="word-count">
        {t('editor.words', { count: words })}
      </span>
      {cursor && (
        <span className="status-bar__item" data-testid="cursor-position">
          {t('editor.cursor', { line: cursor.line, column: cursor.column })}
        </span>
      )}
    </footer>
  )
}
