import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DocumentSession, type DocumentVault } from '../../src-renderer/features/editor/document-session'
import type { PostDocument } from '../../src-shared/model/post'
import { failure } from '../../src-shared/model/results'

/** An in-memory vault with the same hash-based conflict rule as main. */
function memoryVault(files: Record<string, string>) {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex')
  const saves: Array<{ path: string; text: string }> = []
  let failNext: string | null = null
  const doc = (path: string): PostDocument => ({
    summary: { id: path, path, title: path, date: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', categories: [], tags: [], isDraft: false, excerpt: '', wordCount: 0, links: [], warnings: [], mtimeMs: saves.length, size: files[path].length },
    text: files[path], hash: hash(files[path]), lineEnding: '\n', hasBom: false,
  })
  const vault: DocumentVault = {
    readPost: async (path) => (path in files ? { ok: true, document: doc(path) } : failure('missing', `${path} is gone`)),
    savePost: async (path, text, baseHash) => {
      await Promise.resolve()
      if (failNext) { const message = failNext; failNext = null; return failure('io-error', message) }
      if (!(path in files)) return failure('missing', `${path} is gone`)
      if (hash(files[path]) !== baseHash) return failure('conflict', 'changed on disk')
      files[path] = text
      saves.push({ path, text })
      return { ok: true, document: doc(path) }
    },
  }
  return { vault, files, saves, failOnce: (message: string) => { failNext = message } }
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
})
