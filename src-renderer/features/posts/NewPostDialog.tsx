import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PromptDialog } from '../../ui/PromptDialog'

/** Props of {@link NewPostDialog}. */
export interface NewPostDialogProps {
  /** Creates the post; resolves to an error message to show, or null on success. */
  onCreate: (title: string) => Promise<string | null>
  onClose: () => void
  /** Where the post goes and what it starts with, told to the writer; the top of the vault when absent. */
  target?: { folder: string; categories: readonly string[]; tags: readonly string[] }
  /** The title to start with, e.g. the one an unresolved `[[link]]` suggests. */
  initialTitle?: string
}

/**
 * A modal dialog that asks for the title of a new post (Electron has no
 * `window.prompt`). Mount it to show it; Enter creates, Escape or a click outside
 * cancels. A failure (e.g. a post with that name exists) is shown in place and the
 * dialog stays open.
 */
export function NewPostDialog({ onCreate, onClose, target, initialTitle = '' }: NewPostDialogProps) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(initialTitle)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)

  const submit = async () => {
    const trimmed = title.trim()
    if (!trimmed) {
      setError(t('newPost.needsTitle'))
      return
    }
    setIsBusy(true)
    setError(null)
    const failure = await onCreate(trimmed)
    setIsBusy(false)
    if (failure) setError(failure)
  }

  return (
    <PromptDialog
      title={t('newPost.title')}
      label={t('newPost.label')}
      placeholder={t('newPost.placeholder')}
      value={title}
      onValueChange={(value) => {
        setTitle(value)
        setError(null)
      }}
      hint={where(target, t)}
      error={error}
      isBusy={isBusy}
      submitLabel={t('newPost.create')}
      busyLabel={t('newPost.creating')}
      cancelLabel={t('newPost.cancel')}
      onSubmit={() => void submit()}
      onClose={onClose}
      inputId="new-post-title"
      testIds={{ dialog: 'new-post-dialog', input: 'new-post-title-input', submit: 'new-post-submit' }}
    />
  )
}

function where(target: NewPostDialogProps['target'], t: ReturnType<typeof useTranslation>['t']): string {
  const parts = [target?.folder ? t('newPost.whereFolder', { folder: target.folder }) : t('newPost.whereRoot')]
  if (target && target.categories.length > 0) parts.push(t('newPost.withCategory', { category: target.categories.join(' / ') }))
  if (target && target.tags.length > 0) parts.push(t('newPost.withTag', { tag: target.tags.join(', ') }))
  return parts.join(' ')
}
