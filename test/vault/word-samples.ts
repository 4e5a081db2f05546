/**
 * Short texts that cross every rule of the word count: unusual spaces, astral and
 * supplementary ideographs, non-Latin letters and digits, full-width punctuation,
 * kana, hangul and the CJK iteration marks. Shared by the word count's tests.
 */
export const TRICKY_WORD_TEXTS = [
  '我爱 math and 数学',
  'a\u00a0b\u3000c\u2003d\ufeffe',
  '𠀀𠀁 x𝐀 😀 ok',
  'café naïve Ωμέγα ١٢٣',
  'ｆｕｌｌ，width！ ab',
  '- — – ， 。',
  'ㄱ가각 カタカナ ひらがな 々〇',
]
