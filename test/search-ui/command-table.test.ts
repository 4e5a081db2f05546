import { defaultKeymap, historyKeymap } from '@codemirror/commands'
import { searchKeymap } from '@codemirror/search'
import { describe, expect, it } from 'vitest'
import { commands, commandSpec, isCommandId, toAccelerator } from '../../src-shared/commands'
import { en } from '../../src-renderer/i18n/en'
import { zhCN } from '../../src-renderer/i18n/zh-cn'

/** A shortcut as a set of modifiers plus a key, so `Shift-Mod-k` equals `Mod-Shift-k`. */
function normalize(shortcut: string): string {
  const parts = shortcut.split('-')
  const key = parts.pop()!.toLowerCase()
  return [...parts.map((part) => part.toLowerCase()).sort(), key].join('-')
}

describe('the shared command table', () => {
  it('has unique ids and unique shortcuts', () => {
    expect(new Set(commands.map((spec) => spec.id)).size).toBe(commands.length)
    const keys = commands.filter((spec) => spec.shortcut !== '').map((spec) => normalize(spec.shortcut))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('takes no key the editor already uses', () => {
    const editorKeys = new Set(
      [...defaultKeymap, ...historyKeymap, ...searchKeymap].flatMap((binding) => [binding.key, binding.mac, binding.win, binding.linux]).filter((key): key is string => !!key).map(normalize),
    )
    for (const spec of commands) if (spec.shortcut !== '') expect(editorKeys.has(normalize(spec.shortcut)), spec.id).toBe(false)
  })

  it('labels every command in English and Chinese', () => {
    for (const spec of commands) {
      expect(en.commands[spec.id], spec.id).toBeTruthy()
      expect(zhCN.commands[spec.id], spec.id).toBeTruthy()
    }
  })

  it.each([
    ['Mod-Shift-f', 'CmdOrCtrl+Shift+F'],
    ['Mod-p', 'CmdOrCtrl+P'],
    ['Mod-\\', 'CmdOrCtrl+\\'],
    ['F2', 'F2'],
    ['Alt-Enter', 'Alt+Enter'],
    ['', undefined],
  ])('turns %j into the menu accelerator %j', (shortcut, accelerator) => {
    expect(toAccelerator(shortcut)).toBe(accelerator)
  })

  it('recognises its ids and rejects others', () => {
    expect(isCommandId('quick-open')).toBe(true)
    expect(isCommandId('rm -rf')).toBe(false)
    expect(commandSpec('search').shortcut).toBe('Mod-Shift-f')
    expect(() => commandSpec('nope' as never)).toThrow()
  })
})
