import { fuzzyMatch, isSubsequence, positionsToRanges, type FuzzyMatch } from '../../src-shared/search/fuzzy-match'
import type { QuickOpenHit, TextRange } from '../../src-shared/search/search-types'
import { spelledKeys, type SpelledKey } from './pinyin-keys'

/** A post as quick open knows it. */
export interface QuickOpenEntry {
  path: string
  title: string
  /** ISO date, newest first when nothing else decides. */
  date: string
  /** See `titleSyllables`; null for titles without Chinese. */
  syllables: string[] | null
}

interface Prepared {
  entry: QuickOpenEntry
  title: string
  path: string
  full: SpelledKey | null
  initials: SpelledKey | null
  /** Every key joined: a needle that is not a subsequence of this matches no key. */
  combined: string
}

/** Which key matched, and where. */
interface Scored {
  prepared: Prepared
  score: number
  match: FuzzyMatch | null
  key: 'title' | 'full' | 'initials' | 'path' | null
  isRecent: boolean
}

/** How much a match on each key counts against a match on the title itself. */
const PATH_FACTOR = 0.85
const PINYIN_FACTOR = 0.95
/** The most a recent file gains; the most recent gains all of it. */
const RECENT_BONUS = 60

/**
 * Quick open (Ctrl/Cmd+P): fuzzy matching of titles and paths, and of the full
 * pinyin and pinyin initials of Chinese titles, so `kuosan` and `ksmx` both find
 * 扩散模型. Each entry's keys are prepared once when it is set; a search first
 * rejects entries whose joined keys do not contain the query's characters in
 * order, then scores the rest on each key and keeps the best `limit`.
 */
export class QuickOpenIndex {
  private readonly entries = new Map<string, Prepared>()

  /** Adds or replaces an entry. */
  set(entry: QuickOpenEntry): void {
    const keys = entry.syllables === null ? null : spelledKeys(entry.title, entry.syllables)
    const title = sameLengthLower(entry.title)
    const path = sameLengthLower(entry.path)
    const combined = [title, keys?.full.key ?? '', keys?.initials.key ?? '', path].join('\u0000')
    this.entries.set(entry.path, { entry, title, path, full: keys?.full ?? null, initials: keys?.initials ?? null, combined })
  }

  /** Removes the entry of `path`. */
  remove(path: string): void {
    this.entries.delete(path)
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.size
  }

  /**
   * The best entries for `query`, best first. Recent files (`recentPaths`, most
   * recent first) rank above others of similar quality and are listed first, in
   * order, when the query is empty; the rest follow newest first.
   */
  search(query: string, recentPaths: readonly string[], limit: number): QuickOpenHit[] {
    const recentRank = new Map<string, number>()
    recentPaths.forEach((path, i) => { if (!recentRank.has(path)) recentRank.set(path, i) })
    const bonus = (path: string) => {
      const rank = recentRank.get(path)
      return rank === undefined ? 0 : RECENT_BONUS * (1 - rank / Math.max(1, recentPaths.length))
    }
    const needle = query.trim().toLowerCase().replace(/\s+/g, '')
    const best = new TopList(limit)
    for (const prepared of this.entries.values()) {
      const isRecent = recentRank.has(prepared.entry.path)
      if (needle === '') {
        best.offer({ prepared, score: bonus(prepared.entry.path), match: null, key: null, isRecent })
        continue
      }
      if (!isSubsequence(needle, prepared.combined)) continue
      const scored = bestKey(prepared, needle)
      if (scored === null) continue
      scored.score += bonus(prepared.entry.path)
      scored.isRecent = isRecent
      best.offer(scored)
    }
    return best.sorted().map(toHit)
  }
}

function bestKey(prepared: Prepared, needle: string): Scored | null {
  let best: Scored | null = null
  const consider = (key: NonNullable<Scored['key']>, target: string, factor: number) => {
    const match = fuzzyMatch(needle, target)
    if (match === null) return
    const score = match.score * factor
    if (best === null || score > best.score) best = { prepared, score, match, key, isRecent: false }
  }
  consider('title', prepared.title, 1)
  if (prepared.full !== null) consider('full', prepared.full.key, PINYIN_FACTOR)
  if (prepared.initials !== null) consider('initials', prepared.initials.key, PINYIN_FACTOR)
  consider('path', prepared.path, PATH_FACTOR)
  return best
}

function toHit(scored: Scored): QuickOpenHit {
  const { prepared, match, key } = scored
  let titleRanges: TextRange[] = []
  let pathRanges: TextRange[] = []
  if (match !== null) {
    if (key === 'path') pathRanges = positionsToRanges(match.positions)
    else if (key === 'title') titleRanges = positionsToRanges(match.positions)
    else {
      const spelled = key === 'full' ? prepared.full : prepared.initials
      if (spelled !== null) titleRanges = positionsToRanges([...new Set(match.positions.map((p) => spelled.map[p]))].sort((a, b) => a - b))
    }
  }
  return { path: prepared.entry.path, title: prepared.entry.title, titleRanges, pathRanges, isRecent: scored.isRecent, score: scored.score }
}

/** The best `limit` entries seen, kept sorted: higher score, then newer date, then path. */
class TopList {
  private readonly items: Scored[] = []

  constructor(private readonly limit: number) {}

  offer(item: Scored): void {
    if (this.limit <= 0) return
    if (this.items.length === this.limit && !isBetter(item, this.items[this.items.length - 1])) return
    let low = 0
    let high = this.items.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (isBetter(item, this.items[middle])) high = middle
      else low = middle + 1
    }
    this.items.splice(low, 0, item)
    if (this.items.length > this.limit) this.items.pop()
  }

  sorted(): Scored[] {
    return this.items
  }
}

function isBetter(a: Scored, b: Scored): boolean {
  if (a.score !== b.score) return a.score > b.score
  if (a.prepared.entry.date !== b.prepared.entry.date) return a.prepared.entry.date > b.prepared.entry.date
  return a.prepared.entry.path < b.prepared.entry.path
}

function sameLengthLower(text: string): string {
  const lower = text.toLowerCase()
  return lower.length === text.length ? lower : text
}
