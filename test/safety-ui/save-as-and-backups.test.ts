import { describe, expect, it } from 'vitest'
import { saveAsPath, saveAsSuggestion } from '../../src-renderer/features/conflict/save-as-path'
import { backupDiff } from '../../src-renderer/features/recovery/backup-diff'
import { backupPreview, backupTitle } from '../../src-renderer/features/recovery/backup-preview'

describe('save as', () => {
  it.each([
    ['notes/a.md', 'b', 'notes/b.md'],
    ['notes/a.md', 'b.md', 'notes/b.md'],
    ['a.md', '  笔记 v2  ', '笔记 v2.md'],
    ['a.md', 'b.markdown', 'b.markdown'],
    ['a.md', '', null],
    ['a.md', 'sub/b', null],
    ['a.md', '..', null],
  ])('saves %s typed as %j at %j', (current, name, expected) => {
    expect(saveAsPath(current, name)).toBe(expected)
  })

  it('suggests the current file name', () => {
    expect(saveAsSuggestion('notes/deep/a.md')).toBe('a.md')
  })
})

describe('backup previews', () => {
  const text = '---\ntitle: "恢复 Restore"\ndate: 2026-01-01\n---\n\nline 1\nline 2\nline 3\n'

  it('starts after the front matter and cuts long texts', () => {
    expect(backupPreview(text)).toBe('line 1\nline 2\nline 3')
    expect(backupPreview(text, 2)).toBe('line 1\nline 2 …')
  })

  it('reads the title from the front matter', () => {
    expect(backupTitle(text)).toBe('恢复 Restore')
    expect(backupTitle('no front matter')).toBeNull()
  })

  it('diffs the disk against the backup', () => {
    expect(backupDiff('a\nb\n', 'a\nB\n')).toEqual([
      { type: 'same', text: 'a\n', lineCount: 1 },
      { type: 'removed', text: 'b\n', lineCount: 1 },
      { type: 'added', text: 'B\n', lineCount: 1 },
    ])
  })
})
