import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashBytes } from '../../src-main/vault/text-codec'
import { mergeThreeWay } from '../../src-main/recovery/three-way-merge'
import { seededRandom, sessionFixture } from './session-fixture'

const fixture = sessionFixture()
const POST = '---\ntitle: Post\n---\n\nline 1\nline 2\nline 3\n'

const isRoot = process.getuid?.() === 0
const canChattr = isRoot && hasCommand('chattr')
const canMount = isRoot && process.platform === 'linux' && probeMount()

async function openPost(files: Record<string, string | Buffer> = { 'post.md': POST }) {
  const opened = await fixture.open(files)
  const read = await opened.session.readPost('post.md')
  if (!read.ok) throw new Error(read.message)
  return { ...opened, document: read.document }
}

describe('saving over the version the editor started from', () => {
  it('saves and keeps CRLF line endings and the BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POST.replace(/\n/g, '\r\n'))])
    const { session, root, document } = await openPost({ 'post.md': bytes })
    const saved = await session.savePost('post.md', document.text + 'line 4\n', document.hash)
    expect(saved.ok).toBe(true)
    const after = await readFile(join(root, 'post.md'))
    expect(after.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(after.toString('utf8').slice(1)).toBe((POST + 'line 4\n').replace(/\n/g, '\r\n'))
  })

  it('is not a conflict when another program only touched the file', async () => {
    const { session, root, document } = await openPost()
    const later = new Date(Date.now() + 60_000)
    await utimes(join(root, 'post.md'), later, later)
    expect((await session.savePost('post.md', document.text + 'x\n', document.hash)).ok).toBe(true)
  })

  it('is not a conflict when another program rewrote the same bytes', async () => {
    const { session, root, document } = await openPost()
    await writeFile(join(root, 'post.md'), POST)
    expect((await session.savePost('post.md', document.text + 'x\n', document.hash)).ok).toBe(true)
  })

  it('is not a conflict when another program wrote exactly the text being saved', async () => {
    const { session, root, document } = await openPost()
    await writeFile(join(root, 'post.md'), `${POST}same\n`)
    expect(await session.savePost('post.md', `${document.text}same\n`, document.hash)).toMatchObject({ ok: true, document: { hash: hashBytes(Buffer.from(`${POST}same\n`)) } })
  })

  it('refuses to overwrite a newer version on disk and returns both sides', async () => {
    const { session, root, document } = await openPost()
    const theirs = POST.replace('line 2', 'line 2 (theirs)')
    await writeFile(join(root, 'post.md'), theirs)
    const saved = await session.savePost('post.md', POST.replace('line 2', 'line 2 (mine)'), document.hash)
    expect(saved).toMatchObject({ ok: false, reason: 'conflict', merged: null })
    if (saved.ok || saved.reason !== 'conflict' || !('disk' in saved)) throw new Error('expected a conflict')
    expect(saved.disk.text).toBe(theirs)
    expect(saved.disk.hash).toBe(hashBytes(Buffer.from(theirs)))
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe(theirs)
    // Keep mine: save again over the version now known.
    expect((await session.savePost('post.md', POST.replace('line 2', 'line 2 (mine)'), saved.disk.hash)).ok).toBe(true)
  })

  it('offers a three-way merge when both sides changed different lines', async () => {
    const { session, root, document } = await openPost()
    await writeFile(join(root, 'post.md'), POST.replace('line 3', 'line 3 (theirs)'))
    const saved = await session.savePost('post.md', POST.replace('line 1', 'line 1 (mine)'), document.hash)
    expect(saved).toMatchObject({ ok: false, reason: 'conflict', merged: POST.replace('line 1', 'line 1 (mine)').replace('line 3', 'line 3 (theirs)') })
  })

  it('finds the merge base in local history when it is no longer in memory', async () => {
    const { session, root, document } = await openPost()
    const saved = await session.savePost('post.md', POST + 'line 4\n', document.hash)
    if (!saved.ok) throw new Error(saved.message)
    await session.close()
    const { VaultSession } = await import('../../src-main/services/vault-session')
    const { session: restarted } = await VaultSession.open(root, { onChange: () => {}, watch: false, parser: 'in-process' })
    try {
      await restarted.ready
      await writeFile(join(root, 'post.md'), (POST + 'line 4\n').replace('line 1', 'line 1 (theirs)'))
      const again = await restarted.savePost('post.md', (POST + 'line 4\n').replace('line 4', 'line 4 (mine)'), saved.document.hash)
      expect(again).toMatchObject({ reason: 'conflict', merged: (POST + 'line 4\n').replace('line 1', 'line 1 (theirs)').replace('line 4', 'line 4 (mine)') })
    } finally {
      await restarted.close()
    }
  })

  it('says when a post was deleted while open, and saves it again on request', async () => {
    const { session, root, document } = await openPost()
    await rm(join(root, 'post.md'))
    const saved = await session.savePost('post.md', document.text + 'kept\n', document.hash)
    expect(saved).toMatchObject({ ok: false, reason: 'missing', movedTo: null })
    expect(saved.ok ? '' : saved.message).toMatch(/still in the editor/)
    const again = await session.recreatePost('post.md', document.text + 'kept\n')
    expect(again.ok).toBe(true)
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe(POST + 'kept\n')
    expect(await session.recreatePost('post.md', 'other')).toMatchObject({ ok: false, reason: 'exists' })
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe(POST + 'kept\n')
  })

  it('says where a post moved while open went', async () => {
    const { session, root, document } = await openPost()
    await mkdir(join(root, 'moved'))
    await rename(join(root, 'post.md'), join(root, 'moved', 'renamed.md'))
    await session.rescan()
    const saved = await session.savePost('post.md', document.text + 'x\n', document.hash)
    expect(saved).toMatchObject({ ok: false, reason: 'missing', movedTo: 'moved/renamed.md' })
    expect((await session.recreatePost('elsewhere/new.md', document.text + 'x\n')).ok).toBe(true)
  })

  it('reports an unplugged folder without losing anything', async () => {
    const { session, root, document } = await openPost()
    const away = `${root}-unplugged`
    await rename(root, away)
    try {
      const saved = await session.savePost('post.md', document.text + 'x\n', document.hash)
      expect(saved).toMatchObject({ ok: false })
      expect(saved.ok ? '' : saved.message).toMatch(/cannot be reached/)
      expect(saved.ok ? '' : saved.message).toMatch(/still in the editor/)
    } finally {
      await rename(away, root)
    }
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe(POST)
  })

  it.skipIf(!canChattr)('reports a read-only (immutable) file and leaves it whole', async () => {
    const { session, root, document } = await openPost()
    const file = join(root, 'post.md')
    execFileSync('chattr', ['+i', file])
    try {
      const saved = await session.savePost('post.md', document.text + 'x\n', document.hash)
      expect(saved).toMatchObject({ ok: false, reason: 'io-error' })
      expect(saved.ok ? '' : saved.message).toMatch(/read-only|not allowed/)
      expect(saved.ok ? '' : saved.message).toMatch(/still in the editor/)
    } finally {
      execFileSync('chattr', ['-i', file])
    }
    expect(await readFile(file, 'utf8')).toBe(POST)
    expect((await readdir(root)).filter((name) => name.startsWith('post.md.'))).toEqual([])
  })

  it.skipIf(!canMount)('reports a full disk and leaves the file whole, then a read-only disk', async () => {
    const mountPoint = await mkdtemp(join(tmpdir(), 'lemma-small-disk-'))
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint])
    try {
      const big = 'x'.repeat(700 * 1024)
      await writeFile(join(mountPoint, 'post.md'), POST)
      const { VaultSession } = await import('../../src-main/services/vault-session')
      const { session } = await VaultSession.open(mountPoint, { onChange: () => {}, watch: false, parser: 'in-process' })
      await session.ready
      const read = await session.readPost('post.md')
      if (!read.ok) throw new Error(read.message)
      const first = await session.savePost('post.md', POST + big, read.document.hash)
      if (!first.ok) throw new Error(first.message)
      const full = await session.savePost('post.md', POST + big + big, first.document.hash)
      expect(full).toMatchObject({ ok: false, reason: 'io-error' })
      expect(full.ok ? '' : full.message).toMatch(/disk is full/)
      expect(await readFile(join(mountPoint, 'post.md'), 'utf8')).toBe(POST + big)
      expect((await readdir(mountPoint)).filter((name) => /^post\.md\.\d+$/.test(name))).toEqual([])
      execFileSync('mount', ['-o', 'remount,ro', mountPoint])
      const readOnly = await session.savePost('post.md', POST, first.document.hash)
      expect(readOnly).toMatchObject({ ok: false, reason: 'io-error' })
      expect(readOnly.ok ? '' : readOnly.message).toMatch(/read-only/)
      await session.close()
    } finally {
      execFileSync('umount', ['-l', mountPoint])
      await rm(mountPoint, { recursive: true, force: true })
    }
  })
})

describe('three-way merges', () => {
  it.each([
    ['different lines', 'a\nb\nc\n', 'A\nb\nc\n', 'a\nb\nC\n', 'A\nb\nC\n'],
    ['the same change on both sides', 'a\nb\n', 'a\nB\n', 'a\nB\n', 'a\nB\n'],
    ['only mine', 'a\n', 'a\nb\n', 'a\n', 'a\nb\n'],
    ['only theirs', 'a\n', 'a\n', 'a\nb\n', 'a\nb\n'],
    ['中文 lines', '第一行\n中间\n第三行\n', '第一行（改）\n中间\n第三行\n', '第一行\n中间\n第三行（改）\n', '第一行（改）\n中间\n第三行（改）\n'],
  ])('merges %s cleanly', (_name, base, mine, theirs, merged) => {
    expect(mergeThreeWay(base, mine, theirs)).toEqual({ isClean: true, text: merged })
  })

  it('refuses to merge changes to the same line', () => {
    expect(mergeThreeWay('a\nb\n', 'a\nmine\n', 'a\ntheirs\n')).toEqual({ isClean: false, conflictCount: 1 })
  })

  it('refuses, like git, to merge changes to adjacent lines', () => {
    expect(mergeThreeWay('a\nb\n', 'A\nb\n', 'a\nB\n')).toMatchObject({ isClean: false })
  })
})

describe('randomized interleavings of outside writes with typing and saving', () => {
  it.each([
    ['without a watcher', false, 1, 120],
    ['with the watcher reconciling concurrently', true, 1001, 40],
  ])('never overwrites silently and never reports a false conflict (%s)', async (name, watch, firstSeed, runs) => {
    const figures = { runs: 0, steps: 0, saves: 0, conflicts: 0, falseConflicts: 0, silentOverwrites: 0, touches: 0, rewrites: 0, merges: 0 }
    for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
      const random = seededRandom(seed)
      const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)]
      const { session, root } = await fixture.open({ 'post.md': POST }, { watch, watchQuietMs: 5 })
      const file = join(root, 'post.md')
      const read = await session.readPost('post.md')
      if (!read.ok) throw new Error(read.message)
      let editor = read.document.text
      let base = read.document.text
      let baseHash = read.document.hash
      let disk = POST
      for (let step = 0; step < 12; step++) {
        figures.steps++
        const action = pick(['type', 'type', 'save', 'save', 'outside-write', 'touch', 'rewrite'])
        if (action === 'type') {
          editor += pick(['新的一行 ', 'more text ', '$x^2$ ', '\n'])
        } else if (action === 'outside-write') {
          disk = `${disk}outside ${seed}-${step}\n`
          await writeFile(file, disk)
        } else if (action === 'touch') {
          figures.touches++
          const at = new Date(Date.now() + Math.floor(random() * 100_000))
          await utimes(file, at, at)
        } else if (action === 'rewrite') {
          figures.rewrites++
          await writeFile(file, disk)
        } else {
          figures.saves++
          const diskBefore = await readFile(file, 'utf8')
          const saved = await session.savePost('post.md', editor, baseHash)
          const diskAfter = await readFile(file, 'utf8')
          const diskWasBase = diskBefore === base
          if (saved.ok) {
            // Only writing over bytes the editor never saw loses words; adopting identical text does not.
            if (!diskWasBase && diskBefore !== editor) figures.silentOverwrites++
            expect(diskAfter).toBe(editor)
            base = editor
            baseHash = saved.document.hash
            disk = editor
          } else {
            expect(saved.reason).toBe('conflict')
            if (diskWasBase) figures.falseConflicts++
            figures.conflicts++
            expect(diskAfter).toBe(diskBefore)
            if (!('disk' in saved)) throw new Error('a conflict carries the disk version')
            expect(saved.disk.text).toBe(diskBefore)
            // Resolve as a person would: merge when offered, else keep mine or take theirs.
            const choice = saved.merged !== null ? 'merge' : pick(['mine', 'theirs'])
            if (choice === 'merge') figures.merges++
            if (choice === 'theirs') editor = saved.disk.text
            else if (choice === 'merge') editor = saved.merged!
            base = saved.disk.text
            baseHash = saved.disk.hash
          }
        }
      }
      figures.runs++
      await session.close()
    }
    console.log(`[interleavings ${name}]`, JSON.stringify(figures))
    expect(figures.silentOverwrites).toBe(0)
    expect(figures.falseConflicts).toBe(0)
    expect(figures.conflicts).toBeGreaterThan(runs / 12)
    expect(figures.touches + figures.rewrites).toBeGreaterThan(runs / 2)
  })
})

function hasCommand(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function probeMount(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'lemma-mount-probe-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' })
    execFileSync('umount', [dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
