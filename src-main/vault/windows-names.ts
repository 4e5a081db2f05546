/**
 * The parts of a file name that Windows refuses. Vaults move between machines
 * (Dropbox, Git, USB drives), so Lemma applies these rules on every OS.
 */

const DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])[ ]*(\.|$)/i
const RESERVED_CHARACTERS = '<>:"|?*\\/'

/** The device-name prefix of `segment` (`'con'` for `con.txt.md`, `'CON'` for `CON`), or null when it is not a device name. */
export function deviceNamePrefix(segment: string): string | null {
  return DEVICE_NAME.exec(segment)?.[1] ?? null
}

/** The first character of `segment` that Windows reserves (`<>:"|?*`, `\`, `/`, control characters), or null. */
export function firstReservedCharacter(segment: string): string | null {
  for (const c of segment) if (c.charCodeAt(0) < 0x20 || RESERVED_CHARACTERS.includes(c)) return c
  return null
}

/**
 * Why `segment` cannot be a file or folder name, as a sentence for people, or null
 * when it is fine. Does not judge `.` and `..`, which are path syntax.
 */
export function segmentProblem(segment: string): string | null {
  const reserved = firstReservedCharacter(segment)
  if (reserved !== null) return reservedCharacterMessage(reserved)
  const device = deviceNamePrefix(segment)
  if (device !== null) {
    return `"${segment}" cannot be used as a name (${device.toUpperCase()} is a reserved device name on Windows)`
  }
  if (/[. ]$/.test(segment)) return `Names cannot end with a dot or a space ("${segment}")`
  if (Buffer.byteLength(segment, 'utf8') > 255) return 'Names can be at most 255 bytes long (about 85 Chinese characters)'
  return null
}

function reservedCharacterMessage(character: string): string {
  if (character === '/' || character === '\\') return `File names cannot contain ${character} (it separates folders)`
  const code = character.charCodeAt(0)
  if (code < 0x20) return 'File names cannot contain control characters (such as tabs or line breaks)'
  return `File names cannot contain ${character} (reserved on Windows)`
}
