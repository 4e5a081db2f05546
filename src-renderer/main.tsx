import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { DEFAULT_SETTINGS, type AppSettings } from '../src-shared/model/settings'
import { App } from './App'
import { CommandProvider } from './features/commands/CommandProvider'
import { SettingsProvider } from './features/settings/SettingsProvider'
import { createI18n } from './i18n/create-i18n'
import { resolveLanguage } from '../src-shared/i18n/ui-language'
import { systemLanguages } from './i18n/system-languages'
import { api } from './ipc'
import './styles/tokens.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/welcome.css'
import './styles/sidebar.css'
import './styles/post-list.css'
import './styles/menu.css'
import './styles/editor-pane.css'
import './styles/dialog.css'
import './styles/empty-state.css'
import './styles/notices.css'
import './styles/segmented.css'
import './styles/feed.css'
import './styles/feed-card.css'
import './styles/feed-filters.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// The settings come first so the first frame is already in the chosen language.
void api.settings.get().then(
  (settings) => start(root, settings),
  () => start(root, DEFAULT_SETTINGS),
)

function start(container: HTMLElement, settings: AppSettings) {
  const language = resolveLanguage(settings.language, systemLanguages())
  document.documentElement.lang = language
  createRoot(container).render(
    <StrictMode>
      <SettingsProvider initial={settings} i18n={createI18n(language)}>
        <CommandProvider>
          <App />
        </CommandProvider>
      </SettingsProvider>
    </StrictMode>,
  )
}
