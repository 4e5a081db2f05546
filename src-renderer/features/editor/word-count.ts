const frontMatter = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
const latinWord = /[\p{L}\p{N}]+(?:['’.\-_][\p{L}\p{N}]+)*/gu

/**
 * Counts the words of a Markdown post the way people count them in bilingual text:
 * each Chinese (or Japanese, Korean) character is one word, and every other run of
 * letters and digits is one word (`don't`, `v1.2` and `GPT-4` count once). Front
 * matter and Markdown punctuation are not counted.
 */
export function countWords(markdown: string): number {
  const body = markdown.replace(frontMatter, '')
  let count = 0
  const withoutCjk = body.replace(cjk, () => {
    count++
    return ' '
  })
  return count + (withoutCjk.match(latinWord)?.length ?? 0)
}
