import type { UiLanguage } from './ui-language'

/** The words of the native menu and main-process dialogs that are not command names. */
export interface MenuText {
  file: string
  openRecent: string
  noRecentFolders: string
  edit: string
  undo: string
  redo: string
  cut: string
  copy: string
  paste: string
  selectAll: string
  go: string
  view: string
  actualSize: string
  zoomIn: string
  zoomOut: string
  fullScreen: string
  developerTools: string
  window: string
  minimize: string
  close: string
  quit: string
  chooseFolderTitle: string
}

/** {@link MenuText} in every interface language. English menus use title case, as platforms expect. */
export const menuText: Record<UiLanguage, MenuText> = {
  en: {
    file: 'File',
    openRecent: 'Open Recent',
    noRecentFolders: 'No Recent Folders',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    go: 'Go',
    view: 'View',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    developerTools: 'Toggle Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
    quit: 'Quit Lemma',
    chooseFolderTitle: 'Open a folder of Markdown posts',
  },
  'zh-CN': {
    file: '文件',
    openRecent: '最近打开',
    noRecentFolders: '没有最近的文件夹',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    go: '转到',
    view: '视图',
    actualSize: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '切换全屏',
    developerTools: '切换开发者工具',
    window: '窗口',
    minimize: '最小化',
    close: '关闭窗口',
    quit: '退出 Lemma',
    chooseFolderTitle: '打开一个 Markdown 文章文件夹',
  },
}
