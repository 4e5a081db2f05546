import { readdir } from 'node:fs/promises'
import { failure, type Result } from '../../src-shared/model/results'
import { deviceNamePrefix, segmentProblem } from './windows-names'

/** The longest file name, in UTF-8 bytes, that ext4, APFS and NTFS all accept. */
export const MAX_FILE_NAME_BYTES = 255

const MARKDOWN_EXTENSION = /\.(md|markdown)$/i

/**
 * A safe `.md` file name for a post titled `title`: NFC, Windows-reserved characters
 * and `/` `\` replaced by `-`, control, zero-width and bidi-override characters
 * removed, whitespace collapsed, leading/trailing dots and spaces trimmed, device
 * names suffixed (`CON` becomes `CON-.md`), `untitled` when nothing is left, and at
 * most {@link MAX_FILE_NAME_BYTES} UTF-8 bytes, cut between code points. Chinese
 * stays Chinese.
 */
export function fileNameFromTitle(title: string): string {
  let stem = withoutUnsafeCharacters(title.normalize('NFC'))
    .replace(/[<>:"|?*\\/]/g, '-')
    .replace(/\s+/g, ' ')
  stem = trimDotsAndSpaces(stem)
  stem = trimDotsAndSpaces(truncateUtf8(stem, MAX_FILE_NAME_BYTES - 3))
  if (stem === '') stem = 'untitled'
  const device = deviceNamePrefix(stem)
  if (device !== null) stem = device + '-' + stem.slice(device.length)
  return truncateUtf8(stem, MAX_FILE_NAME_BYTES - 3) + '.md'
}

/**
 * `fileName`, or `fileName` with ` 2`, ` 3`, … before its extension, so that no entry
 * of `dirAbsolute` has the same name ignoring case and Unicode normalisation (macOS
 * and Windows treat those as the same file). Stays within {@link MAX_FILE_NAME_BYTES}.
 * A missing folder has no entries.
 */
export async function uniqueFileName(dirAbsolute: string, fileName: string): Promise<string> {
  const taken = new Set((await listNames(dirAbsolute)).map(fileNameKey))
  if (!taken.has(fileNameKey(fileName))) return fileName
  const dot = fileName.lastIndexOf('.')
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName
  const extension = dot > 0 ? fileName.slice(dot) : ''
  for (let n = 2; ; n++) {
    const suffix = ` ${n}${extension}`
    const room = MAX_FILE_NAME_BYTES - Buffer.byteLength(suffix, 'utf8')
    const candidate = trimDotsAndSpaces(truncateUtf8(stem, room)) + suffix
    if (!taken.has(fileNameKey(candidate))) return candidate
  }
}

/**
 * Checks a file name typed for a rename and returns it in NFC with surrounding
 * whitespace trimmed and `.md` added unless it already ends in `.md` or `.markdown`.
 * Fails with `invalid-name` and a sentence for people, e.g.
 * "File names cannot contain : (reserved on Windows)".
 */
export function validateFileName(name: string): Result<{ name: string }> {
  let candidate = name.normalize('NFC').trim()
  if (candidate === '') return failure('invalid-name', 'File names cannot be empty')
  if (candidate.startsWith('.')) {
    return failure('invalid-name', 'File names cannot start with a dot (the file would be hidden)')
  }
  if (!MARKDOWN_EXTENSION.test(candidate)) candidate += '.md'
  const problem = segmentProblem(candidate)
  if (problem !== null) return failure('invalid-name', problem)
  return { ok: true, name: candidate }
}

/** The key under which two names denote the same file on case-insensitive, normalising file systems. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/** The longest prefix of `text` that fits in `maxBytes` UTF-8 bytes, never splitting a code point. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes) return text
  let bytes = 0
  let end = 0
  while (end < text.length) {
    const code = text.codePointAt(end)!
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    if (bytes + size > maxBytes) break
    bytes += size
    end += code >= 0x10000 ? 2 : 1
  }
  return text.slice(0, end)
}

/** Drops control characters other than whitespace, zero-width and bidi controls (they disguise names) and lone surrogates. */
function withoutUnsafeCharacters(text: string): string {
  let kept = ''
  for (const c of text) {
    const code = c.codePointAt(0)!
    const isControl = (code < 0x20 && !(code >= 0x09 && code <= 0x0d)) || code === 0x7f
    const isInvisible =
      (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff
    const isLoneSurrogate = code >= 0xd800 && code <= 0xdfff
    if (!isControl && !isInvisible && !isLoneSurrogate) kept += c
  }
  return kept
}

function trimDotsAndSpaces(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && (text[start] === '.' || text[start] === ' ')) start++
  while (end > start && (text[end - 1] === '.' || text[end - 1] === ' ')) end--
  return text.slice(start, end)
}

async function listNames(dirAbsolute: string): Promise<string[]> {
  try {
    return await readdir(dirAbsolute)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}
