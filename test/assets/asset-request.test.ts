import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { assetUrl } from '../../src-shared/markdown/asset-url'
import { parseAssetUrl, resolveAssetFile } from '../../src-main/assets/asset-request'
import { tempFolders, writeFiles } from '../vault/temp-folder'

const temp = tempFolders()

describe('parseAssetUrl', () => {
  it.each([
    ['a root image', 'lemma-asset://vault/cat.png', 'cat.png', 'image/png'],
    ['a nested image', 'lemma-asset://vault/images/ddpm/forward.jpg', 'images/ddpm/forward.jpg', 'image/jpeg'],
    ['an upper-case extension', 'lemma-asset://vault/a/B.JPEG', 'a/B.JPEG', 'image/jpeg'],
    ['percent-encoded Chinese and spaces', assetUrl('图片/扩散 模型.webp'), '图片/扩散 模型.webp', 'image/webp'],
    ['an SVG', 'lemma-asset://vault/fig.svg', 'fig.svg', 'image/svg+xml'],
    ['a query and fragment', 'lemma-asset://vault/a.gif?v=2#x', 'a.gif', 'image/gif'],
  ])('reads %s', (_name, url, relative, mimeType) => {
    expect(parseAssetUrl(url)).toEqual({ ok: true, relative, mimeType })
  })

  it.each([
    ['another scheme', 'file:///etc/a.png'],
    ['another host', 'lemma-asset://other/a.png'],
    ['no path', 'lemma-asset://vault/'],
    ['a Markdown file', 'lemma-asset://vault/post.md'],
    ['a file without extension', 'lemma-asset://vault/png'],
    ['an encoded parent segment', 'lemma-asset://vault/a/%2E%2E%2F%2E%2E/x.png'],
    ['an encoded slash', 'lemma-asset://vault/..%2Fx.png'],
    ['an encoded backslash', 'lemma-asset://vault/..%5C..%5Cx.png'],
    ['a NUL byte', 'lemma-asset://vault/a%00.png'],
    ['an undecodable segment', 'lemma-asset://vault/%E0%A4%A.png'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(parseAssetUrl(url)).toEqual({ ok: false })
  })

  it('keeps literal parent segments inside the vault (URL parsing resolves them first)', () => {
    expect(parseAssetUrl('lemma-asset://vault/../../etc/x.png')).toEqual({ ok: true, relative: 'etc/x.png', mimeType: 'image/png' })
  })
})

describe('resolveAssetFile', () => {
  it('resolves an image inside the open vault', async () => {
    const root = await temp.make()
    await writeFiles(root, { 'images/a b.png': Buffer.from([137, 80, 78, 71]) })
    const file = await resolveAssetFile(root, assetUrl('images/a b.png'))
    expect(file).toEqual({ ok: true, absolute: path.join(root, 'images', 'a b.png'), relative: 'images/a b.png', mimeType: 'image/png' })
  })

  it('refuses when no vault is open, a file is missing, or a folder has an image name', async () => {
    const root = await temp.make()
    await mkdir(path.join(root, 'folder.png'))
    expect(await resolveAssetFile(null, assetUrl('a.png'))).toEqual({ ok: false })
    expect(await resolveAssetFile(root, assetUrl('missing.png'))).toEqual({ ok: false })
    expect(await resolveAssetFile(root, assetUrl('folder.png'))).toEqual({ ok: false })
  })

  it('refuses an image reached through a symbolic link out of the vault', async () => {
    const root = await temp.make()
    const outside = await temp.make()
    await writeFile(path.join(outside, 'secret.png'), 'x')
    await symlink(outside, path.join(root, 'linked'))
    await symlink(path.join(outside, 'secret.png'), path.join(root, 'direct.png'))
    expect(await resolveAssetFile(root, assetUrl('linked/secret.png'))).toEqual({ ok: false })
    expect(await resolveAssetFile(root, assetUrl('direct.png'))).toEqual({ ok: false })
  })

  it('serves only from the root it is given, so another open vault is another world', async () => {
    const first = await temp.make()
    const second = await temp.make()
    await writeFiles(first, { 'only-here.png': 'x' })
    expect((await resolveAssetFile(first, assetUrl('only-here.png'))).ok).toBe(true)
    expect(await resolveAssetFile(second, assetUrl('only-here.png'))).toEqual({ ok: false })
  })
})
