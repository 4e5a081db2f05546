import './links.css'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { RenameChange, RenamePlan } from '../../../src-shared/search/link-types'
import { api } from '../../ipc'
import { ArrowRightIcon } from '../search/SearchIcons'
import { fileStem, isSamePlan } from './rename-plan'
import { useRenamePlan } from './useRenamePlan'

/** What is renamed: the title in front matter (wiki links name it) or the file (relative links and `[[file-name]]`). */
export type RenameMode = 'title' | 'file-name'

/** What a rename did. */
export interface RenameOutcome {
  path: string
  newPath: string
  /** Files whose links were rewritten. */
  updated: string[]
}

/** Props of {@link RenameDialog}. */
export interface RenameDialogProps {
  path: string
  title: string
  initialMode?: RenameMode
  /**
   * The title was already changed from `oldTitle` (and saved): the dialog only
   * updates the links that still use the old title.
   */
  linksOnly?: { oldTitle: string }
  /** Writes `title` into the open post's front matter and saves it; false when that failed. */
  onSetTitle: (title: string) => Promise<boolean>
  /** Saves the open post's pending edits before any file is touched; false when that failed. */
  onFlush: () => Promise<boolean>
  onRenamed: (outcome: RenameOutcome) => void
  onClose: () => void
}

type Phase = { type: 'editing' } | { type: 'applying' } | { type: 'done'; outcome: RenameOutcome; linkCount: number } | { type: 'error'; message: string }

/**
 * Renames the open post by its title or its file name, showing first what would
 * change: every file and link rewrite of the plan (`links.planRename`), updated as
 * the new name is typed. Confirming applies it with `links.applyRename`, all links
 * or none; if links changed since the plan was shown, the fresh plan is shown
 * instead of applied. The outcome is shown before the dialog closes.
 */
export function RenameDialog({ path, title, initialMode = 'title', linksOnly, onSetTitle, onFlush, onRenamed, onClose }: RenameDialogProps) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [mode, setMode] = useState<RenameMode>(linksOnly ? 'title' : initialMode)
  const [titleValue, setTitleValue] = useState(title)
  const [nameValue, setNameValue] = useState(() => fileStem(path))
  const [phase, setPhase] = useState<Phase>({ type: 'editing' })
  const [notice, setNotice] = useState<string | null>(null)

  const oldTitle = linksOnly?.oldTitle ?? title
  const value = mode === 'title' ? titleValue.trim() : nameValue.trim()
  let change: RenameChange | null = null
  if (mode === 'title' && value !== '' && (linksOnly || value !== title.trim())) change = { type: 'title', oldTitle, newTitle: value }
  if (mode === 'file-name' && value !== '' && value !== fileStem(path)) change = { type: 'file-name', name: value }
  const [planState, setPlanned] = useRenamePlan(path, change)
  const plan = planState.type === 'planned' ? planState.plan : null

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    // showModal focuses the first control (the mode switch); the name is what gets typed.
    const input = dialog?.querySelector<HTMLInputElement>('#rename-input')
    input?.focus()
    input?.select()
    return () => dialog?.close()
  }, [])

  const apply = async (event: FormEvent) => {
    event.preventDefault()
    if (!plan || phase.type === 'applying') return
    setPhase({ type: 'applying' })
    setNotice(null)
    let confirmed: RenamePlan = plan
    if (!(await onFlush())) return setPhase({ type: 'error', message: t('rename.unsaved') })
    if (plan.change.type === 'title' && !linksOnly) {
      if (!(await onSetTitle(plan.change.newTitle))) return setPhase({ type: 'error', message: t('rename.unsaved') })
      // The post's own file changed with its title: plan again and check that the links are still those shown.
      const fresh = await api.links.planRename(path, plan.change)
      if (!fresh.ok) return setPhase({ type: 'error', message: fresh.message })
      if (!isSamePlan(fresh.plan, plan)) return review(fresh.plan)
      confirmed = fresh.plan
    }
    const applied = await api.links.applyRename(confirmed)
    if (!applied.ok) {
      if (applied.reason !== 'conflict') return setPhase({ type: 'error', message: applied.message })
      const fresh = await api.links.planRename(path, confirmed.change)
      if (!fresh.ok) return setPhase({ type: 'error', message: fresh.message })
      return review(fresh.plan)
    }
    const outcome = { path, newPath: applied.path, updated: applied.updated }
    setPhase({ type: 'done', outcome, linkCount: confirmed.linkCount })
    onRenamed(outcome)
  }

  const review = (fresh: RenamePlan) => {
    setPlanned(fresh)
    setNotice(t('rename.changedSince'))
    setPhase({ type: 'editing' })
  }

  const isBusy = phase.type === 'applying'
  const heading = linksOnly ? t('rename.linksTitle') : t('rename.title')

  return (
    <dialog
      ref={dialogRef}
      className="dialog rename-dialog"
      aria-labelledby="rename-heading"
      data-testid="rename-dialog"
      onCancel={(event) => {
        event.preventDefault()
        if (!isBusy) onClose()
      }}
    >
      {phase.type === 'done' ? (
        <div className="dialog__body">
          <h2 id="rename-heading" className="dialog__title">
            {t('rename.doneTitle')}
          </h2>
          <p className="rename-dialog__result" data-testid="rename-result">
            {phase.linkCount > 0
              ? t('rename.doneLinks', { count: phase.linkCount, files: phase.outcome.updated.length })
              : t('rename.doneNoLinks')}
          </p>
          {phase.outcome.updated.length > 0 && (
            <ul className="rename-dialog__updated">
              {phase.outcome.updated.map((file) => (
                <li key={file}>{file}</li>
              ))}
            </ul>
          )}
          <div className="dialog__actions">
            <button type="button" className="button button--primary" autoFocus data-testid="rename-close" onClick={onClose}>
              {t('rename.close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="dialog__body" onSubmit={apply} noValidate>
          <h2 id="rename-heading" className="dialog__title">
            {heading}
          </h2>
          {linksOnly ? (
            <p className="rename-dialog__lead">{t('rename.linksLead', { old: linksOnly.oldTitle, title })}</p>
          ) : (
            <>
              <div className="segmented rename-dialog__modes" role="radiogroup" aria-label={t('rename.what')}>
                {(['title', 'file-name'] as const).map((option) => (
                  <button
                    key={option}
                    type="button"
                    role="radio"
                    aria-checked={mode === option}
                    className={mode === option ? 'segmented__option segmented__option--active' : 'segmented__option'}
                    data-testid={`rename-mode-${option}`}
                    onClick={() => setMode(option)}
                  >
                    {option === 'title' ? t('rename.byTitle') : t('rename.byFileName')}
                  </button>
                ))}
              </div>
              <label className="dialog__label" htmlFor="rename-input">
                {mode === 'title' ? t('rename.newTitle') : t('rename.newFileName')}
              </label>
              <div className="rename-dialog__field">
                <input
                  key={mode}
                  id="rename-input"
                  className="text-input"
                  type="text"
                  autoFocus
                  autoComplete="off"
                  spellCheck={false}
                  value={mode === 'title' ? titleValue : nameValue}
                  readOnly={isBusy}
                  data-testid="rename-input"
                  onChange={(event) => (mode === 'title' ? setTitleValue(event.target.value) : setNameValue(event.target.value))}
                />
                {mode === 'file-name' && <span className="rename-dialog__extension">.md</span>}
              </div>
            </>
          )}
          <PlanPreview state={planState.type} plan={plan} failure={planState.type === 'failed' ? planState.message : null} mode={mode} hasChange={change !== null} />
          {(notice || phase.type === 'error') && (
            <p className="dialog__hint dialog__hint--error" role="alert" data-testid="rename-error">
              {phase.type === 'error' ? phase.message : notice}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose} disabled={isBusy}>
              {t('rename.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!plan || isBusy} data-testid="rename-apply">
              {isBusy
                ? t('rename.applying')
                : plan && plan.linkCount > 0
                  ? t(linksOnly ? 'rename.applyLinksOnly' : 'rename.applyWithLinks', { count: plan.linkCount })
                  : t('rename.apply')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}

interface PlanPreviewProps {
  state: 'idle' | 'planning' | 'planned' | 'failed'
  plan: RenamePlan | null
  failure: string | null
  mode: RenameMode
  hasChange: boolean
}

function PlanPreview({ state, plan, failure, mode, hasChange }: PlanPreviewProps) {
  const { t } = useTranslation()
  let content
  if (!hasChange) content = <p className="rename-plan__note">{t('rename.typeNew')}</p>
  else if (state === 'failed') content = <p className="rename-plan__note rename-plan__note--error">{failure}</p>
  else if (!plan) content = <p className="rename-plan__note">{t('rename.planning')}</p>
  else if (plan.linkCount === 0)
    content = <p className="rename-plan__note">{mode === 'title' ? t('rename.noTitleLinks') : t('rename.noFileLinks')}</p>
  else
    content = (
      <>
        <p className="rename-plan__summary">{t('rename.summary', { count: plan.linkCount, files: plan.files.length })}</p>
        <ul className="rename-plan__files">
          {plan.files.map((file) => (
            <li key={file.path} className="rename-plan__file" data-testid="rename-plan-file" data-path={file.path}>
              <div className="rename-plan__file-head">
                <span className="rename-plan__file-title">{file.title || file.path}</span>
                <span className="rename-plan__file-path">{file.path}</span>
              </div>
              <ul className="rename-plan__edits">
                {file.edits.map((edit) => (
                  <li key={edit.start} className="rename-plan__edit">
                    <span className="rename-plan__line">{edit.line}</span>
                    <span className="rename-plan__change">
                      <code className="rename-plan__before">{edit.before}</code>
                      <span className="rename-plan__after-row">
                        <ArrowRightIcon size={12} className="rename-plan__arrow" />
                        <code className="rename-plan__after">{edit.after}</code>
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </>
    )
  return (
    <div className="rename-plan" data-testid="rename-plan" data-state={state} aria-live="polite">
      {content}
    </div>
  )
}
