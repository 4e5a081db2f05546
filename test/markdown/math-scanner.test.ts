import { describe, expect, it } from 'vitest'
import { scanMath } from '../../src-shared/markdown'

/** The formulas found, as written (delimiters included). */
function found(source: string): string[] {
  return scanMath(source).map((region) => source.slice(region.from, region.to))
}

describe('scanMath', () => {
  it.each([
    ['finds dollar inline math', 'Let $x^2$ be.', ['$x^2$']],
    ['finds paren inline math', 'Let \\(a+b\\) be.', ['\\(a+b\\)']],
    ['finds double-dollar math inside a paragraph', 'Then $$E=mc^2$$ holds.', ['$$E=mc^2$$']],
    ['finds bracket math inside a paragraph', 'Then \\[x\\] holds.', ['\\[x\\]']],
    ['finds a double-dollar block', 'a\n\n$$\nx = 1\n$$\n\nb', ['$$\nx = 1\n$$']],
    ['finds a bracket block', '\\[\n\\int f\n\\]', ['\\[\n\\int f\n\\]']],
    ['finds a one-line block', '$$ x $$', ['$$ x $$']],
    ['finds a bare equation environment', '\\begin{equation}\nx\n\\end{equation}', ['\\begin{equation}\nx\n\\end{equation}']],
    ['finds a bare align* environment', '\\begin{align*}\na &= b\n\\end{align*}', ['\\begin{align*}\na &= b\n\\end{align*}']],
    ['finds gather and multline', '\\begin{gather}a\\end{gather}\n\n\\begin{multline}b\\end{multline}', ['\\begin{gather}a\\end{gather}', '\\begin{multline}b\\end{multline}']],
    ['lets a block interrupt a paragraph', 'text\n$$\nx\n$$', ['$$\nx\n$$']],
    ['keeps nested environments inside one block', '\\begin{align}\n\\begin{cases} a \\end{cases}\n\\end{align}', ['\\begin{align}\n\\begin{cases} a \\end{cases}\n\\end{align}']],
    ['ignores prices', 'It costs $5 and $10 now.', []],
    ['ignores a closing dollar followed by a digit', 'From $a to $5 and more.', []],
    ['ignores an opening dollar followed by a space', 'A $ x$ here.', []],
    ['ignores a closing dollar preceded by a space', 'A $x $ here.', []],
    ['ignores escaped dollars', 'Costs \\$5 and \\$6, and \\$x\\$.', []],
    ['does not close on an escaped dollar', '$a\\$b$', ['$a\\$b$']],
    ['ignores math in code spans', 'Use `$x$` or ``$y$`` here, then $z$.', ['$z$']],
    ['ignores math in fenced code', '```\n$x$\n$$\ny\n$$\n```\n$w$', ['$w$']],
    ['ignores math in tilde fences', '~~~tex\n\\(x\\)\n~~~', []],
    ['ignores math in indented code', 'para\n\n    $x$\n\nafter $y$', ['$y$']],
    ['ignores math in front matter', '---\ntitle: $x$\n---\n$y$', ['$y$']],
    ['ignores math in raw HTML comments', '<!--\n$x$\n-->\n\n$y$', ['$y$']],
    ['does not let inline math cross a blank line', '$a\n\nb$', []],
    ['lets inline math span lines of one paragraph', '$a +\nb$', ['$a +\nb$']],
    ['does not treat an unclosed block as math', '$$\nx\n\ny', []],
    ['does not treat a double dollar as the end of single-dollar math', '$5 and $$c$$', ['$$c$$']],
    ['finds math in headings and list items', '# On $x$\n- item $y$\n- $z$', ['$x$', '$y$', '$z$']],
    ['finds block math inside a blockquote', '> $$\n> x\n> $$', ['$$\n> x\n> $$']],
  ])('%s', (_name, source, expected) => {
    expect(found(source)).toEqual(expected)
  })

  it('reports delimiters, display mode and content offsets', () => {
    const source = 'a $x$ b\n\n\\[\ny\n\\]'
    const [inline, block] = scanMath(source)
    expect(inline).toMatchObject({ delimiter: 'dollar', isDisplay: false, isBlock: false })
    expect(source.slice(inline.contentFrom, inline.contentTo)).toBe('x')
    expect(block).toMatchObject({ delimiter: 'bracket', isDisplay: true, isBlock: true })
    expect(source.slice(block.contentFrom, block.contentTo).trim()).toBe('y')
  })
})
