import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { parseQuery } from '../../src-shared/search/parse-query'

/**
 * The fixed query set Lemma's search is checked against `rg` with, shared by the
 * recall test (test/search/recall-vs-rg.test.ts) and the benchmark
 * (bench/search.bench.ts). Grouped by what they exercise; every group has
 * queries that match many posts and some that match few or none.
 */
export const ORACLE_QUERIES: Record<string, readonly string[]> = {
  chineseWords: ['扩散模型', '梯度', '注意力机制', '损失函数', '马尔可夫链', '变分推断', '动态规划', '卷积神经网络', '协方差矩阵', '朗之万动力学', '中心极限定理', '雅可比矩阵', '倒排索引'],
  chineseAcrossWords: ['型的核', '数的性', '心思想是', '学习笔', '通常用于', '的直观', '概率分', '扩散模型的直观解释', '熵', '栈'],
  englishWords: ['gradient', 'tensor', 'posterior', 'likelihood', 'transformer', 'allocator', 'benchmark', 'stochastic', 'differentiable', 'einsum', 'PyTorch'],
  englishPartial: ['grad', 'norm', 'soft', 'max', 'ndow', 'Part 2', '2019-01'],
  mixed: ['KL散度', '用 PyTorch 实现', 'KaTeX 支持的函数', 'std::vector', 'Node.js', 'np.mean'],
  formulas: ['\\nabla', 'nabla', '\\mathbb{R}', '\\mathbb{E}', 'D_{\\mathrm{KL}}', '\\sqrt{\\bar\\alpha_t}', 'O(n \\log n)', '\\binom', '\\frac{\\partial L}', 'x_{i}', 'p_{\\text{data}}', 'QK^\\top', '\\begin{pmatrix}'],
  multiTerm: ['扩散模型 gradient', '梯度 \\nabla', 'tensor 正则化 PyTorch', '贝叶斯公式 posterior \\mathcal{N}'],
  phrases: ['"chain rule"', '"sliding window"', '"negative direction of the"', '"KL散度"', '"扩散模型的直观解释"'],
}

/** Every oracle query, in group order. */
export const ALL_ORACLE_QUERIES: readonly string[] = Object.values(ORACLE_QUERIES).flat()

const run = promisify(execFile)

/**
 * The oracle: the posts (vault-relative paths, sorted) in which `rg` finds every
 * clause of `query` literally. Each clause (a whitespace-separated term or a quoted
 * phrase, as Lemma's parser splits the query) is one `rg -F -i -l` pass over the
 * `.md`/`.markdown` files (no ignore files; hidden folders such as `.lemma`
 * skipped, as Lemma skips them); passes are intersected. `-i` matters only for
 * Latin text; Chinese has no case.
 */
export async function rgMatches(root: string, query: string): Promise<string[]> {
  let result: string[] | null = null
  for (const clause of parseQuery(query).clauses) {
    const found = new Set(await rgFiles(root, clause.text))
    result = result === null ? [...found] : result.filter((path) => found.has(path))
  }
  return [...(result ?? [])].sort()
}

/** One `rg -F -i -l` pass; paths relative to `root` with `/` separators. */
export async function rgFiles(root: string, literal: string): Promise<string[]> {
  try {
    const { stdout } = await run('rg', ['-F', '-i', '-l', '--no-ignore', '--no-messages', '-g', '*.md', '-g', '*.markdown', '--', literal, '.'], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
    return stdout.split('\n').filter((line) => line !== '').map((line) => line.replace(/^\.\//, '').replaceAll('\\', '/'))
  } catch (error) {
    // rg exits with 1 when nothing matched.
    if ((error as { code?: number }).code === 1) return []
    throw error
  }
}
