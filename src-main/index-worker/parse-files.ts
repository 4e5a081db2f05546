import { readFile } from 'node:fs/promises'
import type { ParsedPost } from '../vault/front-matter'
import { parsePostBytes } from '../vault/parse-post-bytes'
import { hashBytes } from '../vault/text-codec'

/** A file to read and parse: what the folder walk found. */
export interface FileToParse {
  relative: string
  absolute: string
  size: number
  mtimeMs: number
  birthtimeMs: number
}

/** A file read and parsed by {@link parseFiles}; plain data, so it can cross a worker boundary. */
export interface ParsedFile {
  relative: string
  /** Size of the bytes actually read (the walk's size may be stale). */
  size: number
  mtimeMs: number
  birthtimeMs: number
  /** sha-256 (hex) of the bytes read. */
  hash: string
  parsed: ParsedPost
}

/** How {@link parseFiles} hands over its work. */
export interface ParseFilesOptions {
  /** Files per batch; the first batch is smaller so the feed fills sooner. Default 250. */
  batchSize?: number
  /** Called with each batch, in the order of `files`. */
  onBatch: (batch: ParsedFile[]) => void | Promise<void>
  /** Checked between files; when true the loop stops early. */
  isCancelled?: () => boolean
  /**
   * Reads a file's bytes; `fs.promises.readFile` by default. The worker passes a
   * blocking reader (`createFileReader`): blocking is free there, and it is several
   * times faster than the four thread-pool round trips of an async read per small
   * file. The bytes need only stay valid until the next read: each file is hashed and
   * parsed before the next is read.
   */
  readBytes?: (absolute: string) => Buffer | Promise<Buffer>
}

/** Size of the first batch, enough for a first page of the feed. */
export const FIRST_BATCH_SIZE = 40

/**
 * Reads, hashes and parses `files` one after another and hands them over in
 * batches. A file that vanished or cannot be read between the walk and the read is
 * skipped: the watcher or the next sync sees it. This is the loop the index worker
 * runs ({@link runParseWorker}); it is a plain function so that it can also run in
 * the main process (small jobs, tests, or when no worker can start).
 */
export async function parseFiles(files: readonly FileToParse[], options: ParseFilesOptions): Promise<void> {
  const batchSize = options.batchSize ?? 250
  let batch: ParsedFile[] = []
  let limit = Math.min(FIRST_BATCH_SIZE, batchSize)
  for (const file of files) {
    if (options.isCancelled?.()) return
    const parsed = await parseFile(file, options.readBytes)
    if (parsed) batch.push(parsed)
    if (batch.length >= limit) {
      await options.onBatch(batch)
      batch = []
      limit = batchSize
    }
  }
  if (batch.length > 0) await options.onBatch(batch)
}

/** Reads, hashes and parses one file; null when it cannot be read. */
export async function parseFile(
  file: FileToParse,
  readBytes: (absolute: string) => Buffer | Promise<Buffer> = readFile,
): Promise<ParsedFile | null> {
  let bytes: Buffer
  try {
    bytes = await readBytes(file.absolute)
  } catch {
    return null
  }
  return parseBytes(file, bytes)
}

/** Hashes and parses bytes already read from `file`. */
export function parseBytes(file: Omit<FileToParse, 'absolute'>, bytes: Buffer): ParsedFile {
  const parsed = parsePostBytes(bytes, { relPath: file.relative, birthtimeMs: file.birthtimeMs, mtimeMs: file.mtimeMs })
  return { relative: file.relative, size: bytes.length, mtimeMs: file.mtimeMs, birthtimeMs: file.birthtimeMs, hash: hashBytes(bytes), parsed }
}

/**
 * The text `decodeText` would give, without what only saving needs (the line
 * ending count and the UTF-8 check): a sixth of the time of a cold index went there.
 */
export function textOf(bytes: Buffer): string {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const raw = bytes.toString('utf8', start)
  return raw.includes('\r\n') ? raw.replaceAll('\r\n', '\n') : raw
}
