import { z } from 'zod'
import type { CommandId } from '../commands'
import type { DiskChange } from '../model/disk-change'
import type { DiffPart, HistoryEntry, HistorySettings } from '../model/history'
import type { IndexProgress } from '../model/index-progress'
import type { PostDocument, PostSummary } from '../model/post'
import type { BackupEntry } from '../model/recovery'
import type { SaveResult } from '../model/save-conflict'
import type { Result } from '../model/results'
import { FEED_PAGE_SIZES, type AppSettings } from '../model/settings'
import type { AppState, VaultChange, VaultInfo } from '../model/vault'
import type { Backlink, LinkResolution, RenamePlan, UnresolvedLink } from '../search/link-types'
import type { IndexStatus, QuickOpenHit, SearchResponse, TaxonomyNode } from '../search/search-types'

/**
 * The one typed contract between the renderer and the main process.
 *
 * `services` are request/response calls; each lists a zod schema for its arguments
 * (renderer input is untrusted, main parses every call with it) and, as a phantom
 * type, its result. `events` are pushed from main to the renderer. Channel names are
 * derived from this table by {@link serviceChannel} and {@link eventChannel}: they
 * are never typed by hand anywhere else.
 */

/** A vault-relative path as the renderer may send it; containment is checked in main. */
const relativePath = z.string().min(1).max(4096)
/** A post title or file name as typed by a person. */
const title = z.string().max(1000)
/** The text of a post as the editor holds it. */
const postText = z.string().max(512 * 1024 * 1024)
/** A content hash (sha-256 hex) as the renderer got it from main. */
const contentHash = z.string().max(128)
/** An opaque id of a backup or a history version. */
const opaqueId = z.string().min(1).max(200)
/** A category or tag name as typed in front matter. */
const metaName = z.string().min(1).max(200)
/** What a new post's template starts with besides its title and date. */
const newPostMeta = z.object({ categories: z.array(metaName).max(16).optional(), tags: z.array(metaName).max(64).optional() }).strict()
/** A partial change to the settings; each field is checked against its allowed values. */
const settingsPatch = z
  .object({
    language: z.enum(['system', 'en', 'zh-CN']).optional(),
    feedPageSize: z.number().refine((size) => FEED_PAGE_SIZES.includes(size), 'not one of the offered page sizes').optional(),
    feedSort: z.enum(['date', 'updated']).optional(),
    feedDrafts: z.enum(['show', 'hide']).optional(),
    feedLayout: z.enum(['pages', 'scroll']).optional(),
  })
  .strict()

/** Paging and snippet options of a full-text search. */
const searchOptions = z
  .object({
    limit: z.number().int().min(0).max(500).optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    snippetHits: z.number().int().min(0).max(500).optional(),
    snippetsPerHit: z.number().int().min(0).max(20).optional(),
  })
  .strict()
/** A link as the editor or preview found it. */
const linkRef = z.object({ kind: z.enum(['wiki', 'markdown']), target: z.string().min(1).max(4096) }).strict()
/** A rename to plan: a new file name in the same folder, or a new title. */
const renameChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('file-name'), name: title }).strict(),
  z.object({ type: z.literal('title'), oldTitle: title, newTitle: title }).strict(),
])
/** A rename plan as `links.planRename` returned it; main recomputes and compares it before acting. */
const renamePlan = z
  .object({
    path: relativePath,
    change: renameChange,
    newPath: relativePath.nullable(),
    files: z
      .array(z.object({
        path: relativePath,
        title: z.string().max(10_000),
        hash: contentHash,
        edits: z.array(z.object({
          start: z.number().int().min(0),
          end: z.number().int().min(0),
          before: z.string().max(8192),
          after: z.string().max(8192),
          line: z.number().int().min(1),
        }).strict()).max(100_000),
      }).strict())
      .max(100_000),
    linkCount: z.number().int().min(0),
  })
  .strict()

function service<Result>() {
  return <Args extends z.ZodTuple>(args: Args) => ({ args, result: undefined as unknown as Result })
}
function event<Payload>() {
  return { payload: undefined as unknown as Payload }
}

/** Request/response services, grouped by area. */
export const services = {
  app: {
    /** The open vault, recent folders and one-off notices. */
    getState: service<AppState>()(z.tuple([])),
    /** Shows the native folder picker and opens the chosen folder. */
    chooseFolder: service<Result<{ vault: VaultInfo }>>()(z.tuple([])),
    /** Opens a folder from the recent list. */
    openFolder: service<Result<{ vault: VaultInfo }>>()(z.tuple([z.string().min(1).max(4096)])),
    /** Opens an `http(s):` or `mailto:` link in the system browser. */
    openExternal: service<Result<object>>()(z.tuple([z.string().max(8192)])),
  },
  vault: {
    /** Every post of the open vault, newest first. */
    listPosts: service<PostSummary[]>()(z.tuple([])),
    /** Reads one post for editing. */
    readPost: service<Result<{ document: PostDocument }>>()(z.tuple([relativePath])),
    /**
     * Saves `text` to `path`. `baseHash` is the hash of the version the editor started
     * from; a different version on disk gives a `conflict` failure instead of a write,
     * carrying the disk's version and a clean three-way merge when there is one
     * (`SaveConflict`); a vanished file gives `missing` (`PostMissing`).
     */
    savePost: service<SaveResult>()(z.tuple([relativePath, postText, contentHash])),
    /**
     * Writes `text` as a new file at `path` (re-creating a post deleted or moved while
     * it was open, at its old path or another); `exists` rather than overwrite.
     */
    recreatePost: service<Result<{ document: PostDocument }>>()(z.tuple([relativePath, postText])),
    /** How far indexing of the open vault has come (the same as the last `indexProgress` event). */
    getIndexProgress: service<IndexProgress>()(z.tuple([])),
    /**
     * Creates a post from a title, in `folder` (vault-relative, `''` for the root).
     * `meta` pre-fills the template's `categories` (one hierarchy, root first) and `tags`.
     */
    createPost: service<Result<{ document: PostDocument }>>()(z.tuple([title, z.string().max(4096), newPostMeta.optional()])),
    /** Renames a post to a new file name (the extension is kept or added). */
    renamePost: service<Result<{ summary: PostSummary }>>()(z.tuple([relativePath, title])),
    /** Moves a post to the OS trash. */
    deletePost: service<Result<object>>()(z.tuple([relativePath])),
    /**
     * The vault's shared TeX macro preamble (the text of `.lemma/macros.tex`), `''`
     * when there is none or it is unusable (outside the vault, over 256 KB).
     */
    readMacros: service<string>()(z.tuple([])),
  },
  recovery: {
    /**
     * Backs up unsaved `text` of `path`, typed over the version hashing to `baseHash`,
     * outside the vault. Call about a second after typing stops; a save drops it.
     */
    backup: service<Result<object>>()(z.tuple([relativePath, postText, contentHash])),
    /** Backups of the open vault left by a crash or a kill, newest first. */
    list: service<BackupEntry[]>()(z.tuple([])),
    /** One backup with its text, to show before restoring. */
    read: service<Result<{ entry: BackupEntry; text: string }>>()(z.tuple([opaqueId])),
    /** Saves a backup's text over the version it was typed on, through the same conflict check as a save. */
    restore: service<SaveResult>()(z.tuple([opaqueId])),
    /** Deletes a backup. */
    discard: service<Result<object>>()(z.tuple([opaqueId])),
    /** Deletes the backup of a post, if it has one: its unsaved text was given up ("take theirs") or moved with the post. */
    discardPost: service<Result<object>>()(z.tuple([relativePath])),
  },
  history: {
    /** The saved versions of a post, newest first. */
    list: service<Result<{ entries: HistoryEntry[] }>>()(z.tuple([relativePath])),
    /** The text of one saved version. */
    read: service<Result<{ entry: HistoryEntry; text: string }>>()(z.tuple([relativePath, opaqueId])),
    /** A line diff from a saved version to the post as it is on disk now. */
    diff: service<Result<{ parts: DiffPart[] }>>()(z.tuple([relativePath, opaqueId])),
    /** Saves a version's text over the version hashing to `baseHash`, through the same conflict check as a save. */
    restore: service<SaveResult>()(z.tuple([relativePath, opaqueId, contentHash])),
    /** The bounds of local history (age and total size). */
    getSettings: service<HistorySettings>()(z.tuple([])),
    /** Changes the bounds of local history and prunes to them. */
    setSettings: service<Result<{ settings: HistorySettings }>>()(
      z.tuple([z.object({ maxAgeDays: z.number().int().min(1).max(3650), maxTotalMegabytes: z.number().int().min(1).max(100_000) })]),
    ),
  },
  settings: {
    /** The app's settings (language, feed layout), complete with defaults. */
    get: service<AppSettings>()(z.tuple([])),
    /** Changes some settings, stores them with the app state, and returns all of them. */
    update: service<AppSettings>()(z.tuple([settingsPatch])),
  },
  search: {
    /**
     * Full-text search of titles, text, tags, categories and LaTeX source: terms are
     * ANDed, `"phrases"` exact, `tag:`/`category:`/`in:` filter. Hits come best first
     * with highlight ranges (never HTML) and snippets for the first `snippetHits`.
     */
    query: service<SearchResponse>()(z.tuple([z.string().max(4096), searchOptions.optional()])),
    /** Quick open: fuzzy titles, paths and pinyin (`ksmx` finds 扩散模型), `recentPaths` first; also `[[` completion. */
    quickOpen: service<QuickOpenHit[]>()(z.tuple([z.string().max(1024), z.array(relativePath).max(200), z.number().int().min(1).max(500).optional()])),
    /** Whether the index is loading, building (with progress) or ready. */
    status: service<IndexStatus>()(z.tuple([])),
    /** Tags as a tree (a `/` in a tag nests it) with post counts. */
    tagTree: service<TaxonomyNode[]>()(z.tuple([])),
    /** Hierarchical categories as a tree with post counts. */
    categoryTree: service<TaxonomyNode[]>()(z.tuple([])),
  },
  links: {
    /** Every link to `path` from another post (or itself), with its line of context. */
    backlinks: service<Backlink[]>()(z.tuple([relativePath])),
    /** Where each link written in `fromPath` leads (for Ctrl/Cmd+click, preview clicks, marking unresolved links). */
    resolve: service<LinkResolution[]>()(z.tuple([relativePath, z.array(linkRef).max(10_000)])),
    /** Every link in the vault that leads to no post. */
    unresolved: service<UnresolvedLink[]>()(z.tuple([])),
    /** What renaming a post (file name or title) would change in every file linking to it; writes nothing. */
    planRename: service<Result<{ plan: RenamePlan }>>()(z.tuple([relativePath, renameChange])),
    /**
     * Applies a confirmed plan: all link edits (and, for a file name, the rename) or
     * none; `conflict` when anything changed since it was planned.
     */
    applyRename: service<Result<{ updated: string[]; path: string }>>()(z.tuple([renamePlan])),
  },
} as const

/** Events pushed from main to the renderer. */
export const events = {
  /** Posts were added, changed or removed, or another vault was opened. */
  vaultChanged: event<VaultChange>(),
  /** A menu item or accelerator in main asked the renderer to run a command. */
  commandInvoked: event<{ command: RendererCommand }>(),
  /** Indexing progress of the open vault ("1,234 / 10,000"); `phase: 'done'` when complete. */
  indexProgress: event<IndexProgress>(),
  /** Other programs changed, moved or removed posts (never Lemma's own saves): open editors reload or show a conflict. */
  postsChangedOnDisk: event<{ changes: DiskChange[] }>(),
} as const

/** Commands that the main-process menu forwards to the renderer: every command of `src-shared/commands.ts`. */
export type RendererCommand = CommandId

/** The names of the service groups. */
export type ServiceArea = keyof typeof services
/** The names of the methods of one service group. */
export type ServiceMethod<A extends ServiceArea> = keyof (typeof services)[A] & string
/** The event names. */
export type EventName = keyof typeof events & string

type Spec = { args: z.ZodTuple; result: unknown }
type ArgsOf<S> = S extends Spec ? z.infer<S['args']> : never
type ResultOf<S> = S extends Spec ? S['result'] : never
type PayloadOf<E> = E extends { payload: infer P } ? P : never

/** The API the preload exposes as `window.api`, derived from {@link services} and {@link events}. */
export type LemmaApi = {
  [A in ServiceArea]: {
    [M in ServiceMethod<A>]: (...args: ArgsOf<(typeof services)[A][M]>) => Promise<ResultOf<(typeof services)[A][M]>>
  }
} & {
  events: {
    [E in EventName]: (listener: (payload: PayloadOf<(typeof events)[E]>) => void) => () => void
  }
}

/** The IPC channel of a service method, e.g. `lemma:vault.readPost`. */
export function serviceChannel(area: string, method: string): string {
  return `lemma:${area}.${method}`
}

/** The IPC channel of an event, e.g. `lemma-event:vaultChanged`. */
export function eventChannel(name: string): string {
  return `lemma-event:${name}`
}

/** The names of every service method and event, as plain data (for building bridges). */
export function contractShape(): ContractShape {
  const shape: ContractShape = { services: {}, events: Object.keys(events) }
  for (const [area, methods] of Object.entries(services)) shape.services[area] = Object.keys(methods)
  return shape
}

/** Method and event names only: what a bridge needs to build {@link LemmaApi}. */
export interface ContractShape {
  services: Record<string, string[]>
  events: string[]
}

/** What main implements: every service of {@link LemmaApi}, without the events. */
export type ServiceHandlers = Omit<LemmaApi, 'events'>

/** A function main uses to push an event to the renderer. */
export type EmitEvent = <E extends EventName>(name: E, payload: PayloadOf<(typeof events)[E]>) => void
