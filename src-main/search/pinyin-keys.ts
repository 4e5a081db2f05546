import { pinyin } from 'pinyin-pro'

/**
 * The toneless pinyin of each character of `title` (one entry per code point, `''`
 * for anything that is not a Chinese character), or null when the title has no
 * Chinese character. Computed once per title with `pinyin-pro`, which picks the
 * reading from context (重庆 is chóng qìng); `ü` is written `v`, as typed.
 */
export function titleSyllables(title: string): string[] | null {
  if (!/\p{Script=Han}/u.test(title)) return null
  const chars = [...title]
  let readings = pinyin(title, { toneType: 'none', type: 'array' })
  if (readings.length !== chars.length) readings = chars.map((char) => pinyin(char, { toneType: 'none' }))
  return chars.map((char, i) => (/\p{Script=Han}/u.test(char) ? readings[i].toLowerCase().replaceAll('ü', 'v') : ''))
}

/** A key quick open matches against, and for each of its characters the title index it stands for. */
export interface SpelledKey {
  key: string
  map: number[]
}

/**
 * The full-pinyin and initials keys of a title from its {@link titleSyllables}:
 * `扩散模型 (上)` gives `kuosanmoxingshang` and `ksmxs`. ASCII letters and digits
 * are kept in both keys (lowercased), so `用 PyTorch 实现` gives `ypytorchsx`;
 * spaces and punctuation are dropped.
 */
export function spelledKeys(title: string, syllables: readonly string[]): { full: SpelledKey; initials: SpelledKey } {
  const full: SpelledKey = { key: '', map: [] }
  const initials: SpelledKey = { key: '', map: [] }
  let index = 0
  let i = 0
  for (const char of title) {
    const syllable = syllables[i] ?? ''
    if (syllable !== '') {
      full.key += syllable
      for (let k = 0; k < syllable.length; k++) full.map.push(index)
      initials.key += syllable[0]
      initials.map.push(index)
    } else {
      const lower = char.toLowerCase()
      if (isLetterOrDigit(lower) && lower.length === char.length) {
        full.key += lower
        initials.key += lower
        for (let k = 0; k < lower.length; k++) {
          full.map.push(index + k)
          initials.map.push(index + k)
        }
      }
    }
    index += char.length
    i++
  }
  return { full, initials }
}

function isLetterOrDigit(char: string): boolean {
  const code = char.charCodeAt(0)
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)
  return /^[\p{L}\p{N}]$/u.test(char)
}
