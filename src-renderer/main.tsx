import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
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

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
