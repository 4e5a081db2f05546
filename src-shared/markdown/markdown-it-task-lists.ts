import type { MarkdownIt, Token } from 'markdown-it'

const TASK_MARKER = /^\[([ xX])\][ \t]/

/**
 * GFM task lists: a list item starting with `[ ] ` or `[x] ` gets
 * `class="task-list-item"` and a read-only checkbox drawn as a `span` with
 * `role="checkbox"` (the sanitizer forbids form controls in posts).
 */
export function markdownItTaskLists(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'task_lists', (state) => {
    const tokens = state.tokens
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i]
      if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') continue
      const first = inline.children?.[0]
      if (!first || first.type !== 'text') continue
      const marker = TASK_MARKER.exec(first.content)
      if (!marker) continue
      const isChecked = marker[1] !== ' '
      first.content = first.content.slice(marker[0].length)
      const box = new state.Token('html_inline', '', 0)
      box.content = `<span class="task-checkbox${isChecked ? ' checked' : ''}" role="checkbox" aria-checked="${isChecked}" aria-disabled="true"></span>`
      inline.children?.unshift(box)
      tokens[i - 2].attrJoin('class', 'task-list-item')
      const list = findListOpen(tokens, i - 2)
      if (list) list.attrJoin('class', 'contains-task-list')
    }
  })
}

function findListOpen(tokens: Token[], itemIndex: number): Token | null {
  const level = tokens[itemIndex].level - 1
  for (let i = itemIndex - 1; i >= 0; i--) {
    const token = tokens[i]
    if (token.level === level && (token.type === 'bullet_list_open' || token.type === 'ordered_list_open')) {
      return token.attrGet('class')?.toString().includes('contains-task-list') ? null : token
    }
  }
  return null
}
