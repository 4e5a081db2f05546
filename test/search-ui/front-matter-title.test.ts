import { describe, expect, it } from 'vitest'
import { titleChange } from '../../src-renderer/features/links/front-matter-title'

const apply = (text: string, title: string) => {
  const change = titleChange(text, title)
  return text.slice(0, change.from) + change.insert + text.slice(change.to)
}

describe('titleChange', () => {
  it.each<[string, string, string, string]>([
    ['replaces a plain title', '---\ntitle: Old\ndate: 2024-01-01\n---\nBody', 'New', '---\ntitle: "New"\ndate: 2024-01-01\n---\nBody'],
    ['replaces a quoted Chinese title', '---\ntitle: "旧标题"\n---\n', '新标题：扩散模型', '---\ntitle: "新标题：扩散模型"\n---\n'],
    ['quotes what YAML would misread', '---\ntitle: x\n---\n', 'a: "b" # c', '---\ntitle: "a: \\"b\\" # c"\n---\n'],
    ['replaces a folded title with its continuation lines', '---\ntitle: >-\n  Long\n  title\ntags: [a]\n---\n', 'Short', '---\ntitle: "Short"\ntags: [a]\n---\n'],
    ['adds the key when the front matter has none', '---\ndate: 2024-01-01\n---\nBody', 'T', '---\ntitle: "T"\ndate: 2024-01-01\n---\nBody'],
    ['adds front matter to a post without any', '# Heading\n', 'T', '---\ntitle: "T"\n---\n\n# Heading\n'],
    ['ignores a title key in the body', '---\ndate: 1\n---\ntitle: body text\n', 'T', '---\ntitle: "T"\ndate: 1\n---\ntitle: body text\n'],
    ['keeps CRLF line endings', '---\r\ntitle: Old\r\n---\r\n', 'New', '---\r\ntitle: "New"\r\n---\r\n'],
    ['trims the new title', '---\ntitle: Old\n---\n', '  New  ', '---\ntitle: "New"\n---\n'],
  ])('%s', (_name, text, title, expected) => {
    expect(apply(text, title)).toBe(expected)
  })
})
