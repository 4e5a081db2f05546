import './diff-view.css'
import { Fragment, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DiffPart } from '../../../src-shared/model/history'
import { diffRows, unfold, type DiffLine } from './diff-rows'

/** Props of {@link DiffView}. */
export interface DiffViewProps {
  /** A line diff from an old text to a new one, as main computes it. */
  parts: readonly DiffPart[]
  /** Unchanged lines shown around each change (default 3). */
  context?: number
}

const SIGNS = { same: ' ', added: '+', removed: '−' } as const

function Line({ line }: { line: DiffLine }) {
  return (
    <div className={`diff-line diff-line--${line.type}`} data-testid={`diff-${line.type}`}>
      <span className="diff-line__number">{line.oldLine ?? ''}</span>
      <span className="diff-line__number">{line.newLine ?? ''}</span>
      <span className="diff-line__sign" aria-hidden="true">
        {SIGNS[line.type]}
      </span>
      <span className="diff-line__text">{line.text === '' ? '\u200b' : line.text}</span>
    </div>
  )
}

/**
 * A unified line diff: removed lines marked − in red, added lines + in green, both
 * numbered in the old and the new text, and long unchanged stretches folded into a
 * button that opens them. Key it by what it compares so folds reset.
 */
export function DiffView({ parts, context = 3 }: DiffViewProps) {
  const { t } = useTranslation()
  const rows = useMemo(() => diffRows(parts, context), [parts, context])
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set())
  return (
    <div className="diff-view" data-testid="diff-view">
      {rows.map((row) =>
        row.type === 'fold' ? (
          opened.has(row.oldLine) ? (
            <Fragment key={`fold-${row.oldLine}`}>
              {unfold(parts, row).map((line) => (
                <Line key={`same-${line.oldLine}`} line={line} />
              ))}
            </Fragment>
          ) : (
            <button
              key={`fold-${row.oldLine}`}
              type="button"
              className="diff-fold"
              onClick={() => setOpened((current) => new Set([...current, row.oldLine]))}
            >
              {t('history.unchangedLines', { count: row.count })}
            </button>
          )
        ) : (
          <Line key={`${row.type}-${row.oldLine}-${row.newLine}`} line={row} />
        ),
      )}
    </div>
  )
}
