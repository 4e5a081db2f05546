import { useCallback, useEffect, useState } from 'react'
import { parseViewPreferences, type ViewPreferences } from './view-preferences'

const STORAGE_KEY = 'lemma.view-preferences'

/** The preferences and a function that changes some of them. */
export interface ViewPreferencesHandle {
  preferences: ViewPreferences
  update: (patch: Partial<ViewPreferences> | ((current: ViewPreferences) => Partial<ViewPreferences>)) => void
}

function load(): ViewPreferences {
  try {
    return parseViewPreferences(window.localStorage.getItem(STORAGE_KEY))
  } catch {
    return parseViewPreferences(null)
  }
}

/**
 * The editor pane's {@link ViewPreferences}, remembered in the window's local
 * storage (they describe this machine's screen, not the vault). A storage that
 * cannot be read or written only loses the memory, never the current choice.
 */
export function useViewPreferences(): ViewPreferencesHandle {
  const [preferences, setPreferences] = useState(load)

  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences))
    } catch {
      // Private mode or a full disk: the preferences hold for this session only.
    }
  }, [preferences])

  const update = useCallback<ViewPreferencesHandle['update']>((patch) => {
    setPreferences((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }))
  }, [])

  return { preferences, update }
}
