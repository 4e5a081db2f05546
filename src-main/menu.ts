import { Menu } from 'electron'
import type { UiLanguage } from '../src-shared/i18n/ui-language'
import { buildMenuTemplate, type MenuActions } from './menu-template'

export type { MenuActions } from './menu-template'

/**
 * Builds and installs the application menu in `language` (see
 * {@link buildMenuTemplate}); call again when the recent folders or the interface
 * language change.
 */
export function installAppMenu(actions: MenuActions, language: UiLanguage): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions, language, process.platform === 'darwin')))
}
