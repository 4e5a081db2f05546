/**
 * The exact text of version `n` of a post of `size` bytes (ASCII, `\n` endings): a
 * header naming the version, then lines that also name it, so that a file mixing
 * two versions, cut short or padded with zeros never passes {@link isExactVersion}.
 */
export function versionText(size: number, n: number): string {
  const header = `version ${n}\n`
  const line = `${n} ${'lemma never loses a word '.repeat(3)}${n}\n`
  const body = line.repeat(Math.ceil((size - header.length) / line.length))
  return (header + body).slice(0, size - 1) + '\n'
}

/** The version number in a text's header; NaN when there is none. */
export function versionOf(text: string): number {
  const match = /^version (\d+)\n/.exec(text)
  return match ? Number(match[1]) : Number.NaN
}

/** True when `bytes` are exactly some version of a post of `size` bytes; that version, or null. */
export function isExactVersion(bytes: Buffer, size: number): number | null {
  const n = versionOf(bytes.subarray(0, 40).toString('latin1'))
  if (!Number.isFinite(n)) return null
  return bytes.equals(Buffer.from(versionText(size, n))) ? n : null
}
