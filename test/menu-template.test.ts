import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuActions } from '../src-main/menu-template'
import { commands } from '../src-shared/commands'
import { commandLabels } from '../src-shared/i18n/command-labels'

const actions = (recent: string[] = []): MenuActions & { ran: string[] } => {
  const ran: string[] = []
  return { ran, chooseFolder: vi.fn(), openFolder: vi.fn(), runInRenderer: (command) => ran.push(command), recentFolders: () => recent }
}

/** Every item of a template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

describe('buildMenuTemplate', () => {
  it('names the menus and commands in Chinese when the interface is Chinese', () => {
    const template = buildMenuTemplate(actions(), 'zh-CN', false)
    expect(template.map((menu) => menu.label)).toEqual(['文件', '编辑', '转到', '视图', '窗口'])
    const labels = flatten(template).map((item) => item.label)
    for (const spec of commands.filter((command) => command.menu !== null)) expect(labels).toContain(commandLabels['zh-CN'][spec.id])
    expect(labels).toContain('没有最近的文件夹')
    expect(labels.filter((label) => label !== undefined && /[A-Za-z]{3}/.test(label) && label !== '退出 Lemma')).toEqual([])
  })

  it('uses title-case English and keeps every accelerator in both languages', () => {
    const english = flatten(buildMenuTemplate(actions(), 'en', false))
    const chinese = flatten(buildMenuTemplate(actions(), 'zh-CN', false))
    expect(english.map((item) => item.label)).toContain('Search in Vault…')
    expect(chinese.map((item) => item.accelerator)).toEqual(english.map((item) => item.accelerator))
    expect(english.find((item) => item.label === 'Quick Open…')?.accelerator).toBe('CmdOrCtrl+P')
  })

  it('forwards renderer commands and lists recent folders', () => {
    const menu = actions(['/notes/数学'])
    const items = flatten(buildMenuTemplate(menu, 'zh-CN', true))
    const search = items.find((item) => item.label === commandLabels['zh-CN'].search)
    search?.click?.({} as never, undefined, {} as never)
    expect(menu.ran).toEqual(['search'])
    const recent = items.find((item) => item.label === '数学 — /notes/数学')
    recent?.click?.({} as never, undefined, {} as never)
    expect(menu.openFolder).toHaveBeenCalledWith('/notes/数学')
    expect(buildMenuTemplate(menu, 'en', true)[0]).toEqual({ role: 'appMenu' })
  })
})
