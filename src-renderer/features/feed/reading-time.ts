/**
 * Words (Latin) or characters (Chinese) read per minute. Both are counted into one
 * `wordCount` by main; 300 sits between typical English (~240 wpm) and Chinese
 * (~350 cpm) reading speeds, close enough for "5 min read".
 */
export const READING_SPEED = 300

/** Whole minutes to read a post of `wordCount`, at least one. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / READING_SPEED))
}
