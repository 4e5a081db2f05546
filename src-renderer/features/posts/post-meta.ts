import type { PostSummary } from '../../../src-shared/model/post'

/** The post's first category as a path, e.g. `深度学习 / 生成模型`; '' when it has none. */
export function firstCategoryLabel(post: Pick<PostSummary, 'categories'>): string {
  const first = post.categories.find((path) => path.length > 0)
  return first ? first.join(' / ') : ''
}

/** The post's warnings as one tooltip text, one message per line; '' when there are none. */
export function warningsTooltip(post: Pick<PostSummary, 'warnings'>): string {
  return post.warnings.map((warning) => warning.message).join('\n')
}
