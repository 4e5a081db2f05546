import { describe, expect, it } from 'vitest'
import { CommandRegistry } from '../../src-renderer/features/commands/command-registry'

describe('CommandRegistry', () => {
  it('runs the handler of the layer registered last that defines the command', () => {
    const registry = new CommandRegistry()
    const ran: string[] = []
    registry.register(() => ({ 'open-folder': () => ran.push('welcome'), save: () => ran.push('save') }))
    const remove = registry.register(() => ({ 'open-folder': () => ran.push('workspace') }))
    expect(registry.run('open-folder')).toBe(true)
    expect(registry.run('save')).toBe(true)
    remove()
    registry.run('open-folder')
    expect(ran).toEqual(['workspace', 'save', 'welcome'])
  })

  it('does not run a disabled command, nor one nobody handles', () => {
    const registry = new CommandRegistry()
    let isEnabled = false
    let count = 0
    registry.register(() => ({ 'rename-post': { run: () => count++, isEnabled: () => isEnabled } }))
    expect(registry.isEnabled('rename-post')).toBe(false)
    expect(registry.run('rename-post')).toBe(false)
    isEnabled = true
    expect(registry.run('rename-post')).toBe(true)
    expect(registry.run('search')).toBe(false)
    expect(registry.isEnabled('search')).toBe(false)
    expect(count).toBe(1)
  })

  it('reads each layer when asked, so handlers can change without re-registering', () => {
    const registry = new CommandRegistry()
    let handlers = { save: () => 'first' as unknown as void }
    const calls: string[] = []
    registry.register(() => handlers)
    handlers = { save: () => void calls.push('second') }
    registry.run('save')
    expect(calls).toEqual(['second'])
  })
})
