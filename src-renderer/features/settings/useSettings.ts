import { useContext } from 'react'
import { SettingsContext, type SettingsHandle } from './settings-context'

/** The app's settings and their `update`, from the nearest {@link SettingsProvider}. */
export function useSettings(): SettingsHandle {
  return useContext(SettingsContext)
}
