import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isPathInside, resolveInVault, toVaultRelative } from '../../src-main/vault/vault-paths'
import { tempFolders, writeFiles } from './temp-folder'

const temp = tempFolders()

describe('resolveInVault', () => {
  it.each([
    ['a post at the root', 'post.md', 'post.md'],
    ['a nested post', 'algo/two-pointers.md', 'algo/two-pointers.md'],
    ['Windows separators', 'algo\\two-pointers.md', 'algo/two-pointers.md'],
    ['a .. that stays inside', 'a/../b.md', 'b.md'],
    ['a Chinese path', '数学/概率论.md', '数学/概率论.md'],
    ['a file that does not exist yet', 'new/folder/post.md', 'new/folder/post.md'],
    ['the root itself', '', ''],
    ['doubled and dot segments', './a//./b.md', 'a/b.md'],
  ])('accepts %s', async (_name, input, relative) => {
    const root = await temp.make()
    const resolved = await resolveInVault(root, input)
    expect(resolved).toEqual({ ok: true, relative, absolute: path.join(root, ...relative.split('/').filter(Boolean)) })
  })

  it.each([
    ['a parent path', '../x.md'],
    ['a path that climbs out through a folder', 'a/../../x.md'],
    ['a POSIX absolute path', '/etc/passwd'],
    ['a Windows drive path', 'C:\\x.md'],
    ['a Windows drive-relative path', 'C:x.md'],
    ['a UNC path', '\\\\server\\share'],
    ['a root-relative Windows path', '\\x.md'],
    ['a NUL byte', 'a\u0000b.md'],
  ])('refuses %s as outside the vault', async (_name, input) => {
    const root = await temp.make()
    const resolved = await resolveInVault(root, input)
    expect(resolved).toMatchObject({ ok: false, reason: 'outside-vault' })
    expect(resolved.ok === false && resolved.message.length).toBeGreaterThan(10)
  })

  it.each([
    ['a device name', 'CON.md', 'CON is a reserved device name'],
    ['a device name with two extensions', 'con.txt.md', 'CON is a reserved device name'],
    ['a device name as a folder', 'aux/post.md', 'AUX is a reserved device name'],
    ['a bare device name', 'nul', 'NUL is a reserved device name'],
    ['a numbered port', 'docs/LPT9.md', 'LPT9 is a reserved device name'],
    ['a colon', 'notes/a:b.md', 'File names cannot contain : (reserved on Windows)'],
    ['a question mark', 'why?.md', 'File names cannot contain ? (reserved on Windows)'],
    ['a control character', 'a\tb.md', 'control characters'],
    ['a trailing dot', 'notes./a.md', 'cannot end with a dot or a space'],
    ['a trailing space', 'notes /a.md', 'cannot end with a dot or a space'],
  ])('refuses %s as an invalid name', async (_name, input, message) => {
    const root = await temp.make()
    const resolved = await resolveInVault(root, input)
    expect(resolved).toMatchObject({ ok: false, reason: 'invalid-name' })
    expect(resolved.ok === false && resolved.message).toContain(message)
  })

  it.each([['console.md'], ['com10.md'], ['auxiliary/x.md'], ['nul-points.md']])('allows %s, which only starts like a device name', async (input) => {
    const root = await temp.make()
    expect((await resolveInVault(root, input)).ok).toBe(true)
  })

  it('refuses a symbolic link inside the vault that points outside', async () => {
    const outside = await temp.make()
    const root = await temp.make()
    await writeFile(path.join(outside, 'secret.md'), 'secret')
    await symlink(outside, path.join(root, 'escape'))
    for (const input of ['escape/secret.md', 'escape/new.md', 'escape']) {
      expect(await resolveInVault(root, input)).toMatchObject({ ok: false, reason: 'outside-vault' })
    }
  })

  it('refuses a symbolic link to a file outside the vault', async () => {
    const outside = await temp.make()
    const root = await temp.make()
    await writeFile(path.join(outside, 'secret.md'), 'secret')
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'linked.md'))
    expect(await resolveInVault(root, 'linked.md')).toMatchObject({ ok: false, reason: 'outside-vault' })
  })

  it('refuses a dangling symbolic link, whose target is unknown', async () => {
    const root = await temp.make()
    await symlink('/nonexistent-lemma-target/x', path.join(root, 'dangling'))
    expect(await resolveInVault(root, 'dangling/post.md')).toMatchObject({ ok: false, reason: 'outside-vault' })
  })

  it('accepts a symbolic link that stays inside the vault', async () => {
    const root = await temp.make()
    await writeFiles(root, { 'real/a.md': '# A' })
    await symlink(path.join(root, 'real'), path.join(root, 'alias'))
    expect(await resolveInVault(root, 'alias/a.md')).toMatchObject({ ok: true, relative: 'alias/a.md' })
  })

  it('works when the root itself is reached through a symbolic link', async () => {
    const real = await temp.make()
    const links = await temp.make()
    await writeFiles(real, { 'a.md': 'a' })
    await symlink(real, path.join(links, 'vault'))
    expect(await resolveInVault(path.join(links, 'vault'), 'a.md')).toMatchObject({ ok: true, relative: 'a.md' })
  })

  it('reports a vault folder that is gone', async () => {
    const root = await temp.make()
    expect(await resolveInVault(path.join(root, 'missing'), 'a.md')).toMatchObject({ ok: false, reason: 'no-vault' })
  })

  it('accepts a path below an existing file name by checking the file instead', async () => {
    const root = await temp.make()
    await mkdir(path.join(root, 'a'))
    await writeFile(path.join(root, 'a', 'file.md'), '')
    expect((await resolveInVault(root, 'a/file.md/x.md')).ok).toBe(true)
  })
})

describe('toVaultRelative and isPathInside', () => {
  it('uses / separators', () => {
    expect(toVaultRelative('/v', path.join('/v', 'a', 'b.md'))).toBe('a/b.md')
  })

  it.each([
    ['/v', '/v', true],
    ['/v', '/v/a', true],
    ['/v', '/v2/a', false],
    ['/v', '/', false],
    ['/v', '/v/..a', true],
  ])('isPathInside(%s, %s) is %s', (parent, child, inside) => {
    expect(isPathInside(parent, child)).toBe(inside)
  })
})
