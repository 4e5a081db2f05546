import { plainHeading, type OutlineHeading } from './outline'

/**
 * A heading's anchor as GitHub, Hexo and most Markdown sites write it: plain text
 * (see `plainHeading`) in lower case, punctuation and symbols dropped, each run of
 * spaces turned into `-`. Letters of every script stay, so `扩散模型：前向过程`
 * becomes `扩散模型前向过程` and `The *DDPM* Loss` becomes `the-ddpm-loss`.
 */
export function headingSlug(text: string): string {
  return plainHeading(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
}

/**
 * The heading of `headings` that a link's `#wanted` part names, or null. First by
 * text as the outline shows it (inline Markdown removed, then compared ignoring
 * case, width and spacing), so `[[Post#The DDPM loss]]` finds `## The *DDPM* Loss`
 * and `[[笔记#前向过程]]` finds `## 前向过程`; then by anchor ({@link headingSlug}),
 * so `[x](post.md#the-ddpm-loss)` finds it too, with a repeated heading's anchor
 * numbered as sites number it (`#setup-1` is the second "Setup"). The first match
 * in document order wins.
 */
export function findHeading(headings: readonly OutlineHeading[], wanted: string): OutlineHeading | null {
  const text = foldText(plainHeading(wanted))
  if (text === '') return null
  const byText = headings.find((heading) => foldText(heading.text) === text)
  if (byText) return byText
  const slug = headingSlug(wanted)
  if (slug === '') return null
  const seen = new Map<string, number>()
  let bySlug: OutlineHeading | null = null
  for (const heading of headings) {
    const base = headingSlug(heading.text)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    const numbered = count === 0 ? base : `${base}-${count}`
    if (numbered === slug) return heading
    if (base === slug) bySlug ??= heading
  }
  return bySlug
}

function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}
