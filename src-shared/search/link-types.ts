import type { TextRange } from './search-types'

/**
 * Plain, serializable descriptions of links between posts, as they cross the
 * process boundary. Paths are vault-relative with `/` separators.
 */

/** How a link is written: `[[Title]]` (also `![[Title]]`) or `[text](relative/path.md)`. */
export type LinkKind = 'wiki' | 'markdown'

/** A link target as the editor or preview found it. */
export interface LinkRef {
  kind: LinkKind
  /** For `wiki`, what stands between `[[` and `]]`, alias included or not; for `markdown`, the destination. */
  target: string
}

/** Where a link leads. */
export type LinkResolution =
  | { isResolved: true; path: string; title: string; heading: string | null }
  | { isResolved: false; target: string; heading: string | null; suggestedTitle: string }

/** A post that links to another, with the line the link is on. */
export interface Backlink {
  sourcePath: string
  sourceTitle: string
  kind: LinkKind
  /** One-based line of the link in the source file. */
  line: number
  /** Zero-based column of the link in that line. */
  column: number
  /** The line (or a window of it) around the link, as plain text. */
  context: string
  /** Where the link is inside {@link context}. */
  contextRange: TextRange
  /** The line goes on before {@link context}: show an ellipsis there. */
  isCutBefore: boolean
  /** The line goes on after {@link context}. */
  isCutAfter: boolean
}

/** A link that leads to no post. */
export interface UnresolvedLink extends Omit<Backlink, 'sourceTitle'> {
  target: string
}

/** A rename to plan: a new file name (in the same folder), or a new title. */
export type RenameChange =
  | { type: 'file-name'; name: string }
  | { type: 'title'; oldTitle: string; newTitle: string }

/** One link rewrite: replace `[start, end)` (which holds `before`) with `after`. */
export interface LinkEdit {
  start: number
  end: number
  before: string
  after: string
  /** One-based line, for showing the change. */
  line: number
}

/** The link rewrites in one file, against the version whose hash is `hash`. */
export interface FileLinkEdits {
  path: string
  title: string
  hash: string
  edits: LinkEdit[]
}

/**
 * What renaming a post would change: every link in every file that points at it.
 * Main recomputes the plan when it is applied and refuses (`conflict`) if anything
 * differs, so a plan is a confirmation, never an instruction the renderer forges.
 */
export interface RenamePlan {
  path: string
  change: RenameChange
  /** The post's path after a `file-name` change. */
  newPath: string | null
  files: FileLinkEdits[]
  /** Links rewritten in total. */
  linkCount: number
}
