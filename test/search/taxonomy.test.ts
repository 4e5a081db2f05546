import { describe, expect, it } from 'vitest'
import { categoryTree, tagTree } from '../../src-main/search/taxonomy'

const posts = [
  { tags: ['pytorch', 'ml/diffusion'], categories: [['数学', '概率论'], ['机器学习']] },
  { tags: ['ml/diffusion', 'ml'], categories: [['数学', '概率论'], ['数学', '线性代数']] },
  { tags: ['pytorch'], categories: [['数学']] },
  { tags: [], categories: [] },
]

describe('tag and category trees', () => {
  it('nests categories with counts of posts at and below each node', () => {
    const tree = categoryTree(posts)
    expect(tree.map((node) => [node.name, node.count, node.ownCount])).toEqual([['数学', 3, 1], ['机器学习', 1, 1]])
    const math = tree[0]
    expect(math.children.map((node) => [node.path.join('/'), node.count, node.ownCount])).toEqual([['数学/概率论', 2, 2], ['数学/线性代数', 1, 1]])
  })

  it('reads a slash in a tag as nesting', () => {
    const tree = tagTree(posts)
    expect(tree.map((node) => [node.name, node.count, node.ownCount])).toEqual([['ml', 2, 1], ['pytorch', 2, 2]])
    expect(tree[0].children.map((node) => [node.name, node.count])).toEqual([['diffusion', 2]])
  })
})
