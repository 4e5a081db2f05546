import type { PostSummary } from '../../src-shared/model/post'

/** A post summary with plausible defaults, for feed tests. */
export function summary(path: string, fields: Partial<PostSummary> = {}): PostSummary {
  return {
    id: path,
    path,
    title: path,
    date: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
    categories: [],
    tags: [],
    isDraft: false,
    excerpt: '',
    wordCount: 100,
    links: [],
    warnings: [],
    mtimeMs: 0,
    size: 0,
    ...fields,
  }
}

/** A local-time ISO date for the given calendar day, as main writes it. */
export function localIso(year: number, month: number, day: number, hour = 12): string {
  return new Date(year, month - 1, day, hour).toISOString()
}
