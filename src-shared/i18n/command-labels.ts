import type { CommandId } from '../commands'
import type { UiLanguage } from './ui-language'

/**
 * What each command is called, in every interface language: one table for the
 * renderer's palette and hints (`commands.<id>` in its i18next resources) and for
 * the native menu, which main builds without i18next.
 */
export const commandLabels: Record<UiLanguage, Record<CommandId, string>> = {
  en: {
    'new-post': 'New post…',
    'open-folder': 'Open folder…',
    save: 'Save',
    'rename-post': 'Rename post…',
    'quick-open': 'Go to post…',
    search: 'Search in vault…',
    'command-palette': 'Command palette…',
    'show-feed': 'Show latest posts',
    'cycle-layout': 'Switch editor / split / preview',
    'toggle-outline': 'Show or hide the outline',
    'toggle-math-widgets': 'Render formulas in the editor',
    'toggle-vim': 'Vim key bindings',
  },
  'zh-CN': {
    'new-post': '新建文章…',
    'open-folder': '打开文件夹…',
    save: '保存',
    'rename-post': '重命名文章…',
    'quick-open': '转到文章…',
    search: '在文件夹中搜索…',
    'command-palette': '命令面板…',
    'show-feed': '显示最新文章',
    'cycle-layout': '切换 编辑 / 分栏 / 预览',
    'toggle-outline': '显示或隐藏大纲',
    'toggle-math-widgets': '在编辑器中渲染公式',
    'toggle-vim': 'Vim 键位',
  },
}
