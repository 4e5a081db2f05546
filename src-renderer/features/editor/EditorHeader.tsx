import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostDocument } from '../../../src-shared/model/post'
import type { SaveStatus } from './save-status'

/** Props of {@link EditorHeader}. */
export interface EditorHeaderProps {
  document: PostDocument
  isDirty: boolean
  status: SaveStatus
  /** Controls shown between the title and the save status (the view toolbar). */
  tools?: ReactNode
}

/** The open post's title and path, a ● while it has unsaved changes, any `tools`, and the save status. */
export function EditorHeader({ document, isDirty, status, tools }: EditorHeaderProps) {
  const { summary } = document
  const { t } = useTranslation()
  return (
    <header className="editor-header">
      <div className="editor-header__text">
        <div className="editor-header__title-row">
          <h1 className="editor-header__title" data-testid="editor-title" title={summary.title}>
            {summary.title || t('app.untitled')}
          </h1>
          {isDirty && (
            <span className="dirty-marker" data-testid="dirty-marker" title={t('saveStatus.unsaved')} aria-label={t('saveStatus.unsaved')}>
              ●
            </span>
          )}
          {summary.isDraft && <span className="badge badge--draft">{t('app.draft')}</span>}
        </div>
        <div className="editor-header__path" data-testid="editor-path" title={summary.path}>
          {summary.path}
        </div>
      </div>
      {tools}
      <div className={`save-status save-status--${status.tone}`} data-testid="save-status" role="status" title={status.label}>
        {status.label}
      </div>
    </header>
  )
}
