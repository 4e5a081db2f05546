import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DocumentSession, type DocumentVault } from '../../src-renderer/features/editor/document-session'
import type { PostDocument } from '../../src-shared/model/post'
import { failure } from '../../src-shared/model/results'
import { mergeThreeWay } from '../../src-main/recovery/three-way-merge'

/**
 * An in-memory vault with main's rules: a save over a hash that is no longer on disk
 * is a conflict carrying the disk's version and a clean three-way merge, unless the
 * disk already holds the text; a vanished file is `missing`; re-creating never
 * overwrites.
 */
function memoryVault(files: Record<string, string>) {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex')
  const saves: Array<{ path: string; text: string }> = []
  const texts = new Map<string, string>(Object.values(files).map((text) => [hash(text), text]))
  let failNext: string | null = null
  const doc = (path: string): PostDocument => ({
    summary: { id: path, path, title: path, date: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', categories: [], tags: [], isDraft: false, excerpt: '', wordCount: 0, links: [], warnings: [], mtimeMs: saves.length, size: files[path].length },
    text: files[path], hash: hash(files[path]), lineEnding: '\n', hasBom: false,
  })
  const write = (path: string, text: string) => {
    files[path] = text
    texts.set(hash(text), text)
    saves.push({ path, text })
    return { ok: true as const, document: doc(path) }
  }
  const vault: DocumentVault = {
    readPost: async (path) => (path in files ? { ok: true, document: doc(path) } : failure('missing', `${path} is gone`)),
    savePost: async (path, text, baseHash) => {
      await Promise.resolve()
      if (failNext) { const message = failNext; failNext = null; return failure('io-error', message) }
      if (!(path in files)) return { ...failure('missing', `${path} is gone`), reason: 'missing', movedTo: null }
      if (hash(files[path]) !== baseHash) {
        if (files[path] === text) return { ok: true, document: doc(path) }
        const base = texts.get(baseHash)
        const merge = base === undefined ? null : mergeThreeWay(base, text, files[path])
        return { ...failure('conflict', 'changed on disk'), reason: 'conflict', disk: doc(path), merged: merge?.isClean ? merge.text : null }
      }
      return write(path, text)
    },
    recreatePost: async (path, text) => {
      await Promise.resolve()
      if (path in files) return failure('exists', `${path} exists`)
      return write(path, text)
    },
  }
  return { vault, files, saves, hash, failOnce: (message: string) => { failNext = message } }
}

/** A backup function that records every backup. */
function backupRecorder() {
  const backups: Array<{ path: string; text: string; baseHash: string }> = []
  return { backups, backup: async (path: string, text: string, baseHash: string) => { backups.push({ path, text, baseHash }); return { ok: true as const } } }
}

/** A backup store keyed by post, as main keeps it: a backup replaces the post's last one, a discard deletes it. */
function backupShelf() {
  const shelf = new Map<string, string>()
  return {
    shelf,
    options: {
      delayMs: 1000,
      backup: async (path: string, text: string) => { shelf.set(path, text); return { ok: true as const } },
      discardPost: async (path: string) => { shelf.delete(path); return { ok: true as const } },
    },
  }
}

afterEach(() => { vi.useRealTimers() })

describe('DocumentSession', () => {
  it('saves typed text after a pause in typing', async () => {
    vi.useFakeTimers()
    const { vault, files } = memoryVault({ 'a.md': 'hello' })
    const session = new DocumentSession(vault, 1000)
    await session.open('a.md')
    session.edit('hello world')
    expect(session.getSnapshot().isDirty).toBe(true)
    await vi.advanceTimersByTimeAsync(999)
    expect(files['a.md']).toBe('hello')
    await vi.advanceTimersByTimeAsync(1)
    await vi.waitFor(() => expect(files['a.md']).toBe('hello world'))
    expect(session.getSnapshot().isDirty).toBe(false)
  })

  it('keeps text typed during a save and saves it next', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'one' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('one two')
    const first = session.save()
    session.edit('one two three')
    await first
    expect(session.getSnapshot().isDirty).toBe(true)
    await session.flush()
    expect(files['a.md']).toBe('one two three')
    expect(session.getSnapshot().isDirty).toBe(false)
  })

  it('reports a conflict instead of overwriting a file changed on disk, and keeps the text', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'base' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('mine')
    files['a.md'] = 'theirs'
    expect(await session.save()).toBe(false)
    expect(files['a.md']).toBe('theirs')
    expect(session.getSnapshot().save.type).toBe('conflict')
    expect(session.getSnapshot().isDirty).toBe(true)
    expect(await session.overwrite()).toBe(true)
    expect(files['a.md']).toBe('mine')
  })

  it('keeps the text after a failed save and saves it on retry', async () => {
    const { vault, files, failOnce } = memoryVault({ 'a.md': 'x' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('x y')
    failOnce('The disk is full')
    expect(await session.save()).toBe(false)
    expect(session.getSnapshot().save).toEqual({ type: 'failed', message: 'The disk is full' })
    expect(session.getSnapshot().isDirty).toBe(true)
    expect(await session.save()).toBe(true)
    expect(files['a.md']).toBe('x y')
  })

  it('saves the open post before opening another', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'a', 'b.md': 'b' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('a edited')
    expect(await session.open('b.md')).toEqual({ ok: true })
    expect(files['a.md']).toBe('a edited')
    expect(session.getSnapshot().document?.text).toBe('b')
  })

  it('stays on a post whose changes could not be saved', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'a', 'b.md': 'b' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('a edited')
    files['a.md'] = 'changed elsewhere'
    const outcome = await session.open('b.md')
    expect(outcome).toMatchObject({ ok: false, reason: 'unsaved' })
    expect(session.getSnapshot().path).toBe('a.md')
    expect(session.getSnapshot().isDirty).toBe(true)
  })

  it('does not write when nothing changed', async () => {
    const { vault, saves } = memoryVault({ 'a.md': 'a' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    expect(await session.save()).toBe(true)
    expect(saves).toEqual([])
  })
  it('reloads a clean post changed on disk in place, and ignores its own version', async () => {
    const { vault, files, hash } = memoryVault({ 'a.md': 'one' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    const opened = session.getSnapshot()
    session.handleDiskChanges([{ type: 'changed', path: 'a.md', hash: opened.document!.hash }])
    session.handleDiskChanges([{ type: 'changed', path: 'b.md', hash: 'x' }])
    await Promise.resolve()
    expect(session.getSnapshot().loadId).toBe(opened.loadId)
    files['a.md'] = 'one, edited elsewhere'
    session.handleDiskChanges([{ type: 'changed', path: 'a.md', hash: hash(files['a.md']) }])
    await vi.waitFor(() => expect(session.getSnapshot().document?.text).toBe('one, edited elsewhere'))
    expect(session.getSnapshot()).toMatchObject({ loadKind: 'reload', loadId: opened.loadId + 1, isDirty: false })
  })

  it('checks a dirty post changed on disk at once, showing both sides and a clean merge', async () => {
    const { vault, files, hash } = memoryVault({ 'a.md': 'title\n\nbody\n\nend\n' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('title, mine\n\nbody\n\nend\n')
    files['a.md'] = 'title\n\nbody\n\nend, theirs\n'
    session.handleDiskChanges([{ type: 'changed', path: 'a.md', hash: hash(files['a.md']) }])
    await vi.waitFor(() => expect(session.getSnapshot().save.type).toBe('conflict'))
    const save = session.getSnapshot().save
    expect(save.type === 'conflict' && save.conflict).toMatchObject({ disk: { text: 'title\n\nbody\n\nend, theirs\n' }, merged: 'title, mine\n\nbody\n\nend, theirs\n' })
    expect(files['a.md']).toBe('title\n\nbody\n\nend, theirs\n')
    expect(session.getSnapshot().isDirty).toBe(true)
  })

  it('keep mine writes the editor text over the version on disk', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'base' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('mine')
    files['a.md'] = 'theirs'
    expect(await session.save()).toBe(false)
    expect(await session.keepMine()).toBe(true)
    expect(files['a.md']).toBe('mine')
    expect(session.getSnapshot()).toMatchObject({ isDirty: false, save: { type: 'idle' } })
  })

  it('keep mine meets a newer outside change with a fresh conflict, not an overwrite', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'base' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('mine')
    files['a.md'] = 'theirs'
    await session.save()
    files['a.md'] = 'theirs again'
    expect(await session.keepMine()).toBe(false)
    expect(files['a.md']).toBe('theirs again')
    const save = session.getSnapshot().save
    expect(save.type === 'conflict' && save.conflict?.disk.text).toBe('theirs again')
  })

  it('take theirs loads the disk version as an undoable step and writes nothing', async () => {
    const { vault, files, saves } = memoryVault({ 'a.md': 'base' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('mine')
    files['a.md'] = 'theirs'
    await session.save()
    expect(await session.takeTheirs()).toBe(true)
    expect(session.getSnapshot()).toMatchObject({ loadKind: 'replace', isDirty: false, save: { type: 'idle' }, document: { text: 'theirs' } })
    expect(saves).toEqual([])
    // The next edit saves over their version.
    session.edit('theirs, then mine')
    expect(await session.save()).toBe(true)
    expect(files['a.md']).toBe('theirs, then mine')
  })

  it('merge writes the clean merge and shows it in the editor', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'a\nb\nc\nd\n' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('A\nb\nc\nd\n')
    files['a.md'] = 'a\nb\nc\nD\n'
    await session.save()
    expect(await session.merge()).toBe(true)
    expect(files['a.md']).toBe('A\nb\nc\nD\n')
    expect(session.getSnapshot()).toMatchObject({ loadKind: 'replace', isDirty: false, document: { text: 'A\nb\nc\nD\n' } })
  })

  it('refuses to merge changes to the same lines', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'line\n' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('my line\n')
    files['a.md'] = 'their line\n'
    await session.save()
    const save = session.getSnapshot().save
    expect(save.type === 'conflict' && save.conflict?.merged).toBeNull()
    expect(await session.merge()).toBe(false)
    expect(files['a.md']).toBe('their line\n')
  })

  it('is no conflict when the disk already holds the editor text', async () => {
    const { vault, files, hash } = memoryVault({ 'a.md': 'base' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('same')
    files['a.md'] = 'same'
    session.handleDiskChanges([{ type: 'changed', path: 'a.md', hash: hash('same') }])
    await vi.waitFor(() => expect(session.getSnapshot().isDirty).toBe(false))
    expect(session.getSnapshot().save.type).toBe('idle')
  })

  it('keeps a post deleted on disk open with its text, unsaved, and saves it again', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'precious', 'b.md': 'b' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    delete files['a.md']
    session.handleDiskChanges([{ type: 'removed', path: 'a.md' }])
    await vi.waitFor(() => expect(session.getSnapshot().save).toEqual({ type: 'missing', message: null }))
    expect(session.getSnapshot()).toMatchObject({ path: 'a.md', isDirty: true, document: { text: 'precious' } })
    expect(await session.open('b.md')).toMatchObject({ ok: false, reason: 'unsaved' })
    expect(await session.saveAgain()).toBe(true)
    expect(files['a.md']).toBe('precious')
    expect(session.getSnapshot()).toMatchObject({ isDirty: false, save: { type: 'idle' } })
  })

  it('reports a deletion found by a save, and re-creates the file with the edits', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'x' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('x and more')
    delete files['a.md']
    expect(await session.save()).toBe(false)
    expect(session.getSnapshot().save).toEqual({ type: 'missing', message: 'a.md is gone' })
    expect(await session.saveAgain()).toBe(true)
    expect(files['a.md']).toBe('x and more')
  })

  it('sends save again to the conflict check when another file took the path', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'mine' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.handleDiskChanges([{ type: 'removed', path: 'a.md' }])
    await vi.waitFor(() => expect(session.getSnapshot().save.type).toBe('missing'))
    files['a.md'] = 'someone else'
    expect(await session.saveAgain()).toBe(false)
    expect(session.getSnapshot().save.type).toBe('conflict')
    expect(files['a.md']).toBe('someone else')
  })

  it('saves as a new post and goes on editing it there, leaving the old file alone', async () => {
    const { vault, files } = memoryVault({ 'a.md': 'a', 'b.md': 'b' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('a, edited')
    expect(await session.saveAs('b.md')).toMatchObject({ ok: false, reason: 'exists' })
    expect(await session.saveAs('c.md')).toEqual({ ok: true })
    expect(files).toMatchObject({ 'a.md': 'a', 'b.md': 'b', 'c.md': 'a, edited' })
    expect(session.getSnapshot()).toMatchObject({ path: 'c.md', isDirty: false })
    session.edit('c, edited')
    await session.save()
    expect(files['c.md']).toBe('c, edited')
  })

  it('follows a move with unsaved text and saves at the new path', async () => {
    const { vault, files, hash } = memoryVault({ 'a.md': 'text' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('text, edited')
    files['moved/a.md'] = files['a.md']
    delete files['a.md']
    session.handleDiskChanges([{ type: 'removed', path: 'a.md' }, { type: 'moved', from: 'a.md', to: 'moved/a.md', hash: hash('text') }])
    await vi.waitFor(() => expect(session.getSnapshot().path).toBe('moved/a.md'))
    expect(session.getSnapshot()).toMatchObject({ isDirty: true, save: { type: 'idle' } })
    expect(await session.save()).toBe(true)
    expect(files).toEqual({ 'moved/a.md': 'text, edited' })
  })

  it('backs up unsaved text a second after typing stops, and not once it is saved', async () => {
    vi.useFakeTimers()
    const { vault, hash } = memoryVault({ 'a.md': 'base' })
    const { backups, backup } = backupRecorder()
    const session = new DocumentSession(vault, 1500, { backup, delayMs: 1000 })
    await session.open('a.md')
    session.edit('base, typed')
    await vi.advanceTimersByTimeAsync(999)
    expect(backups).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(backups).toEqual([{ path: 'a.md', text: 'base, typed', baseHash: hash('base') }])
    await vi.advanceTimersByTimeAsync(500)
    await vi.waitFor(() => expect(session.getSnapshot().isDirty).toBe(false))
    session.edit('base, typed, saved at once')
    await session.save()
    await vi.advanceTimersByTimeAsync(5000)
    expect(backups).toHaveLength(1)
  })

  it('deletes the backup when the person takes the disk version in a conflict', async () => {
    vi.useFakeTimers()
    const { vault, files } = memoryVault({ 'a.md': 'base' })
    const { shelf, options } = backupShelf()
    const session = new DocumentSession(vault, 60_000, options)
    await session.open('a.md')
    session.edit('base, mine')
    await vi.advanceTimersByTimeAsync(1000)
    expect(shelf.get('a.md')).toBe('base, mine')
    files['a.md'] = 'theirs'
    expect(await session.save()).toBe(false)
    expect(session.getSnapshot().save.type).toBe('conflict')
    expect(await session.takeTheirs()).toBe(true)
    await vi.advanceTimersByTimeAsync(5000)
    expect(shelf.has('a.md')).toBe(false)
    expect(session.getSnapshot()).toMatchObject({ isDirty: false, document: { text: 'theirs' } })
  })

  it('moves the backup of unsaved text with a post moved on disk', async () => {
    vi.useFakeTimers()
    const { vault, files, hash } = memoryVault({ 'a.md': 'text' })
    const { shelf, options } = backupShelf()
    const session = new DocumentSession(vault, 60_000, options)
    await session.open('a.md')
    session.edit('text, unsaved')
    await vi.advanceTimersByTimeAsync(1000)
    expect([...shelf.keys()]).toEqual(['a.md'])
    files['moved/a.md'] = files['a.md']
    delete files['a.md']
    session.handleDiskChanges([{ type: 'moved', from: 'a.md', to: 'moved/a.md', hash: hash('text') }])
    await vi.waitFor(() => expect(session.getSnapshot().path).toBe('moved/a.md'))
    await vi.advanceTimersByTimeAsync(1000)
    expect(Object.fromEntries(shelf)).toEqual({ 'moved/a.md': 'text, unsaved' })
  })

  it('backs up the text of a post deleted on disk', async () => {
    vi.useFakeTimers()
    const { vault, files } = memoryVault({ 'a.md': 'only copy' })
    const { backups, backup } = backupRecorder()
    const session = new DocumentSession(vault, 60_000, { backup })
    await session.open('a.md')
    delete files['a.md']
    session.handleDiskChanges([{ type: 'removed', path: 'a.md' }])
    await vi.advanceTimersByTimeAsync(1000)
    expect(backups.map((entry) => entry.text)).toEqual(['only copy'])
  })

  it('restores a version after saving the edits, as an undoable replacement', async () => {
    const { vault, files, hash } = memoryVault({ 'a.md': 'v1' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('v2')
    const restore = vi.fn((baseHash: string) => vault.savePost('a.md', 'v1', baseHash))
    expect(await session.restoreVersion('v1', restore)).toEqual({ ok: true })
    expect(restore).toHaveBeenCalledWith(hash('v2'))
    expect(files['a.md']).toBe('v1')
    expect(session.getSnapshot()).toMatchObject({ loadKind: 'replace', document: { text: 'v1' }, isDirty: false })
  })

  it('shows a restore that met a newer file as a conflict with the restored text as mine', async () => {
    const { vault, files, hash } = memoryVault({ 'a.md': 'v1' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    files['a.md'] = 'outside'
    expect(await session.restoreVersion('old', (baseHash) => vault.savePost('a.md', 'old', baseHash))).toEqual({ ok: true })
    const snapshot = session.getSnapshot()
    expect(snapshot).toMatchObject({ isDirty: true, loadKind: 'replace', document: { text: 'old', hash: hash('v1') }, save: { type: 'conflict' } })
    expect(await session.keepMine()).toBe(true)
    expect(files['a.md']).toBe('old')
  })

  it('refreshes the conflict when the disk changes again', async () => {
    const { vault, files, hash } = memoryVault({ 'a.md': 'base' })
    const session = new DocumentSession(vault, 60_000)
    await session.open('a.md')
    session.edit('mine')
    files['a.md'] = 'theirs'
    await session.save()
    files['a.md'] = 'theirs, later'
    session.handleDiskChanges([{ type: 'changed', path: 'a.md', hash: hash(files['a.md']) }])
    await vi.waitFor(() => {
      const save = session.getSnapshot().save
      expect(save.type === 'conflict' && save.conflict?.disk.text).toBe('theirs, later')
    })
  })
})
