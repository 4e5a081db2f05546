import type { LemmaApi } from '../../../src-shared/ipc/contract'
import { settle } from './settle'

/** Where crash backups of unsaved text go (`recovery.backup`), and how long after typing stops. */
export interface BackupOptions {
  backup: LemmaApi['recovery']['backup']
  /** Deletes a post's backup (`recovery.discardPost`); without it, backups are only ever dropped by saves. */
  discardPost?: LemmaApi['recovery']['discardPost']
  /** Milliseconds of quiet before a backup (default 1000). */
  delayMs?: number
}

/** What to back up now: the post, its unsaved text and the version it was typed over. */
export interface BackupSubject {
  path: string
  text: string
  baseHash: string
}

/**
 * Backs up unsaved text a short quiet period after the last {@link schedule}, so a
 * crash loses at most that period of typing. `subject` says what to back up when
 * the time comes: null when nothing is unsaved any more, `'busy'` while a save runs
 * (the backup is tried again later, as the save usually makes it pointless). A save
 * should wait for {@link settled} first: a backup landing after the save would
 * outlive it. Without `options` nothing is ever backed up.
 */
export class BackupScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined
  private writing: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly options: BackupOptions | undefined,
    private readonly subject: () => BackupSubject | 'busy' | null,
  ) {}

  /** Starts (or restarts) the quiet period. */
  schedule(): void {
    if (!this.options) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.run(), this.options.delayMs ?? 1000)
  }

  /** Drops a pending backup (the text was saved or replaced). */
  cancel(): void {
    clearTimeout(this.timer)
  }

  /**
   * Drops a pending backup and deletes the stored backup of `path`, after the one
   * being written (which would otherwise land after the deletion). Never rejects.
   */
  discard(path: string): Promise<unknown> {
    clearTimeout(this.timer)
    const discardPost = this.options?.discardPost
    if (!discardPost) return Promise.resolve()
    this.writing = this.writing.then(() => settle(() => discardPost(path)))
    return this.writing
  }

  /** Resolves when the backup being written, if any, is done; never rejects. */
  settled(): Promise<unknown> {
    return this.writing
  }

  private run(): void {
    const subject = this.subject()
    if (!this.options || subject === null) return
    if (subject === 'busy') return this.schedule()
    const { backup } = this.options
    this.writing = settle(() => backup(subject.path, subject.text, subject.baseHash))
  }
}
