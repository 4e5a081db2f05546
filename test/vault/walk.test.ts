import { chmod, mkdir, symlink } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { walkMarkdownFiles as walkFiles } from '../../src-main/vault/walk'
import { tempFolders, writeFiles } from './temp-folder'

const temp = tempFolders()
describe.each([
  ['walkMarkdownFiles', false],
  ['walkMarkdownFiles with blocking calls', true],
])('%s', (_name, isBlocking) => {
  const walkMarkdownFiles = (root: string) => walkFiles(root, { isBlocking })
  const relatives = async (root: string) => (await walkMarkdownFiles(root)).map((file) => file.relative)

  it('lists Markdown files recursively, sorted, with their sizes and times', async () => {
    const root = await temp.make()
    await writeFiles(root, { 'b.md': 'bb', 'a/deep/c.MD': 'c', 'a/x.markdown': '', '数学/概率.md': '', 'notes.txt': '', 'img.png': '' })
    const files = await walkMarkdownFiles(root)
    expect(files.map((file) => file.relative)).toEqual(['a/deep/c.MD', 'a/x.markdown', 'b.md', '数学/概率.md'])
    const b = files.find((file) => file.relative === 'b.md')!
    expect(b).toMatchObject({ absolute: path.join(root, 'b.md'), size: 2 })
    expect(b.mtimeMs).toBeGreaterThan(0)
    expect(typeof b.birthtimeMs).toBe('number')
  })

  it.each([['.git/notes.md'], ['node_modules/pkg/README.md'], ['.lemma/cache.md'], ['.hidden.md'], ['a/.obsidian/x.md']])(
    'skips %s',
    async (skipped) => {
      const root = await temp.make()
      await writeFiles(root, { [skipped]: 'x', 'kept.md': 'x' })
      expect(await relatives(root)).toEqual(['kept.md'])
    },
  )

  it('does not follow a link into a skipped dot-folder', async () => {
    const root = await temp.make()
    await writeFiles(root, { '.archive/old.md': 'x' })
    await symlink(path.join(root, '.archive'), path.join(root, 'archive'))
    expect(await relatives(root)).toEqual([])
  })

  it('lists a file reachable through a link only once, under its real path', async () => {
    const root = await temp.make()
    await writeFiles(root, { 'real/a.md': 'x', 'real/sub/b.md': 'y' })
    await symlink(path.join(root, 'real'), path.join(root, 'alias'))
    await symlink(path.join(root, 'real', 'a.md'), path.join(root, 'link-to-a.md'))
    expect(await relatives(root)).toEqual(['real/a.md', 'real/sub/b.md'])
  })

  it('lists a folder reached through a nested link once, under its real path', async () => {
    const parent = await temp.make()
    const root = path.join(parent, 'vault')
    await writeFiles(root, { 'store/deep/a.md': 'x' })
    await mkdir(path.join(root, 'views'))
    await symlink(path.join(root, 'store', 'deep'), path.join(root, 'views', 'deep-link'))
    expect(await relatives(root)).toEqual(['store/deep/a.md'])
  })

  it('follows an in-vault link to a Markdown file with another name', async () => {
    const root = await temp.make()
    await writeFiles(root, { 'data/source.txt': 'x' })
    await symlink(path.join(root, 'data', 'source.txt'), path.join(root, 'view.md'))
    expect(await relatives(root)).toEqual(['view.md'])
  })

  it('ignores a symbolic link that leads outside the vault', async () => {
    const outside = await temp.make()
    const root = await temp.make()
    await writeFiles(outside, { 'secret.md': 'x', 'dir/more.md': 'y' })
    await writeFiles(root, { 'mine.md': 'z' })
    await symlink(outside, path.join(root, 'escape'))
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'secret.md'))
    await symlink('/nonexistent-lemma-target', path.join(root, 'dangling.md'))
    expect(await relatives(root)).toEqual(['mine.md'])
  })

  it('survives a symbolic link loop', async () => {
    const root = await temp.make()
    await writeFiles(root, { 'a/x.md': 'x' })
    await symlink(root, path.join(root, 'a', 'back-to-root'))
    await symlink(path.join(root, 'a'), path.join(root, 'a', 'self'))
    await symlink(path.join(root, 'loop1'), path.join(root, 'loop2'))
    await symlink(path.join(root, 'loop2'), path.join(root, 'loop1'))
    expect(await relatives(root)).toEqual(['a/x.md'])
  })

  it('walks a vault opened through a symbolic link and reports paths under that link', async () => {
    const real = await temp.make()
    const links = await temp.make()
    await writeFiles(real, { 'a.md': 'x' })
    await symlink(real, path.join(links, 'vault'))
    const files = await walkMarkdownFiles(path.join(links, 'vault'))
    expect(files).toMatchObject([{ relative: 'a.md', absolute: path.join(links, 'vault', 'a.md') }])
  })

  // Root reads every folder, so the check only means something for other users.
  it.skipIf(process.getuid?.() === 0)('skips an unreadable subfolder', async () => {
    const root = await temp.make()
    await writeFiles(root, { 'open/a.md': 'x', 'locked/b.md': 'y' })
    await chmod(path.join(root, 'locked'), 0o000)
    try {
      expect(await relatives(root)).toEqual(['open/a.md'])
    } finally {
      await chmod(path.join(root, 'locked'), 0o755)
    }
  })

  it('rejects when the root does not exist', async () => {
    const root = await temp.make()
    await expect(walkMarkdownFiles(path.join(root, 'missing'))).rejects.toThrow()
  })
})
