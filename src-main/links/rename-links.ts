import { posix } from 'node:path'
import type { PostDocument, PostSummary } from '../../src-shared/model/post'
import { failure, type Result } from '../../src-shared/model/results'
import type { FileLinkEdits, LinkEdit, RenameChange, RenamePlan } from '../../src-shared/search/link-types'
import { validateFileName } from '../vault/file-names'
import type { LinkGraph } from './link-graph'
import { LinkCatalog, relativeDestination, stemOf } from './resolve-link'
import { scanLinks, type LinkOccurrence } from '../../src-shared/search/scan-links'

/** The post operations a rename needs; `VaultSession` provides them. */
export interface PostStore {
  readPost: (path: string) => Promise<Result<{ document: PostDocument }>>
  /** Saves `text` only if the file still has `baseHash`; a different version gives `conflict`. */
  savePost: (path: string, text: string, baseHash: string) => Promise<Result<{ document: PostDocument }>>
  renamePost: (path: string, newName: string) => Promise<Result<{ summary: PostSummary }>>
}

/** What {@link applyRename} did. */
export interface AppliedRename {
  /** Files whose links were rewritten. */
  updated: string[]
  /** The post's path afterwards. */
  path: string
}

/**
 * Plans renaming the post at `path`: every link in every post that leads to it and
 * names it in the way the change affects. A `file-name` change (same folder)
 * rewrites wiki links that found the post by file name (`[[old-name]]`,
 * `[[folder/old-name.md]]`) and relative Markdown links (`[x](../a/old-name.md#h)`),
 * keeping headings, aliases and the destination's style. A `title` change rewrites
 * wiki links that found the post by its old title, whether or not the new title
 * was already saved. Files are read fresh from disk, each plan records the hash
 * it read, and nothing is written.
 */
export async function planRename(store: PostStore, graph: LinkGraph, path: string, change: RenameChange): Promise<Result<{ plan: RenamePlan }>> {
  const planned = await computePlan(store, graph, path, change)
  return planned.ok ? { ok: true, plan: planned.plan } : planned
}

/**
 * Applies a plan made by {@link planRename} after the person confirmed it. The plan
 * is recomputed first and must be identical (same files, versions and edits),
 * else nothing happens and the answer is `conflict`: renderer input is untrusted,
 * and files may have changed since. Then each file is saved atomically against the
 * version planned on, and for a `file-name` change the post is renamed last. If any
 * step fails, the files already saved are put back as they were, so the vault ends
 * either fully renamed or untouched (the failure says if a restore failed too).
 */
export async function applyRename(store: PostStore, graph: LinkGraph, plan: RenamePlan): Promise<Result<AppliedRename>> {
  const fresh = await computePlan(store, graph, plan.path, plan.change)
  if (!fresh.ok) return fresh
  if (JSON.stringify(comparable(fresh.plan)) !== JSON.stringify(comparable(plan))) {
    return failure('conflict', 'Some links changed since the rename was planned; review the rename again.')
  }
  const done: Array<{ path: string; original: string; hash: string }> = []
  for (const file of fresh.plan.files) {
    const original = fresh.texts.get(file.path) ?? ''
    const saved = await store.savePost(file.path, applyEdits(original, file.edits), file.hash)
    if (!saved.ok) return rollBack(store, done, saved.reason, `Could not update the links in "${file.path}": ${saved.message}`)
    done.push({ path: file.path, original, hash: saved.document.hash })
  }
  let finalPath = plan.path
  if (plan.change.type === 'file-name' && fresh.plan.newPath !== null && fresh.plan.newPath !== plan.path) {
    const renamed = await store.renamePost(plan.path, plan.change.name)
    if (!renamed.ok) return rollBack(store, done, renamed.reason, `Could not rename "${plan.path}": ${renamed.message}`)
    finalPath = renamed.summary.path
  }
  return { ok: true, updated: done.map((file) => file.path), path: finalPath }
}

/** Applies non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: readonly LinkEdit[]): string {
  let result = ''
  let at = 0
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, edit.start) + edit.after
    at = edit.end
  }
  return result + text.slice(at)
}

async function rollBack(
  store: PostStore,
  done: Array<{ path: string; original: string; hash: string }>,
  reason: Parameters<typeof failure>[0],
  message: string,
): Promise<Result<AppliedRename>> {
  const unrestored: string[] = []
  for (const file of [...done].reverse()) {
    const restored = await store.savePost(file.path, file.original, file.hash)
    if (!restored.ok) unrestored.push(file.path)
  }
  const tail = done.length === 0
    ? ' Nothing was changed.'
    : unrestored.length === 0
      ? ' The files already updated were restored; nothing was changed.'
      : ` These files could not be restored and keep the new links: ${unrestored.join(', ')}.`
  return failure(reason, message + tail)
}

interface ComputedPlan {
  ok: true
  plan: RenamePlan
  texts: Map<string, string>
}

async function computePlan(store: PostStore, graph: LinkGraph, path: string, change: RenameChange): Promise<ComputedPlan | Extract<Result<object>, { ok: false }>> {
  const catalog = graph.catalog()
  const title = catalog.titleOf(path)
  if (title === undefined) return failure('missing', `"${path}" is not a post of this vault`)
  let newPath: string | null = null
  let rewrite: (link: LinkOccurrence, source: string) => string | null
  let candidates: string[]
  if (change.type === 'file-name') {
    const valid = validateFileName(change.name)
    if (!valid.ok) return valid
    const folder = posix.dirname(path)
    newPath = folder === '.' ? valid.name : `${folder}/${valid.name}`
    if (newPath.toLowerCase() !== path.toLowerCase() && graph.paths().some((other) => other.toLowerCase() === newPath?.toLowerCase())) {
      return failure('exists', `"${valid.name}" already exists in this folder`)
    }
    const target = newPath
    rewrite = (link, source) => rewriteForFileName(catalog, link, source, path, target)
    candidates = graph.sourcesMaybeLinkingTo(path, [])
  } else {
    if (change.newTitle.trim() === '') return failure('invalid-name', 'A post needs a title.')
    const before = new LinkCatalog(graph.paths().map((p) => ({ path: p, title: p === path ? change.oldTitle : catalog.titleOf(p) ?? '' })))
    rewrite = (link, source) => {
      if (link.kind !== 'wiki') return null
      const found = before.resolveWiki(link.target, source)
      return found !== null && found.path === path && found.match === 'title' ? change.newTitle.trim() : null
    }
    candidates = graph.sourcesMaybeLinkingTo(path, [change.oldTitle])
  }
  const files: FileLinkEdits[] = []
  const texts = new Map<string, string>()
  for (const source of candidates) {
    const read = await store.readPost(source)
    if (!read.ok) {
      if (read.reason === 'missing') continue
      return read
    }
    const { text, hash } = read.document
    const edits: LinkEdit[] = []
    for (const link of scanLinks(text)) {
      const after = rewrite(link, source)
      const before = text.slice(link.targetStart, link.targetEnd)
      if (after === null || after === before) continue
      edits.push({ start: link.targetStart, end: link.targetEnd, before, after, line: link.line })
    }
    if (edits.length === 0) continue
    texts.set(source, text)
    files.push({ path: source, title: catalog.titleOf(source) ?? stemOf(source), hash, edits })
  }
  const linkCount = files.reduce((sum, file) => sum + file.edits.length, 0)
  return { ok: true, plan: { path, change, newPath, files, linkCount }, texts }
}

function rewriteForFileName(catalog: LinkCatalog, link: LinkOccurrence, source: string, oldPath: string, newPath: string): string | null {
  if (link.kind === 'markdown') {
    if (catalog.resolveMarkdown(link.target, source) !== oldPath) return null
    // A link inside the renamed post itself is read from its new place.
    const from = source === oldPath ? newPath : source
    return relativeDestination(from, newPath, link.target, false)
  }
  const found = catalog.resolveWiki(link.target, source)
  if (found === null || found.path !== oldPath || found.match !== 'file-name') return null
  const slash = link.target.lastIndexOf('/')
  const prefix = slash === -1 ? '' : link.target.slice(0, slash + 1)
  const extension = /\.(md|markdown)$/i.exec(link.target)?.[0] ?? ''
  return prefix + stemOf(newPath) + extension
}

function comparable(plan: RenamePlan): unknown {
  return { path: plan.path, change: plan.change, newPath: plan.newPath, files: plan.files.map((file) => ({ path: file.path, hash: file.hash, edits: file.edits })) }
}
