import { useEffect, useState } from 'react'
import type { RenameChange, RenamePlan } from '../../../src-shared/search/link-types'
import { api } from '../../ipc'

/** How long typing must pause before a rename is planned. */
const PLAN_DELAY_MS = 250

/** The plan of the change being typed, or why there is none. */
export type PlanState =
  | { type: 'idle' }
  | { type: 'planning' }
  | { type: 'planned'; plan: RenamePlan }
  | { type: 'failed'; message: string }

/**
 * Plans renaming the post at `path` (`links.planRename`, which writes nothing)
 * once typing pauses; null `change` (nothing to rename yet) gives `idle`. Answers
 * for an older change are dropped. `setPlanned` replaces the plan, e.g. with a
 * fresher one the person must review again.
 */
export function useRenamePlan(path: string, change: RenameChange | null): [PlanState, (plan: RenamePlan) => void] {
  const [state, setState] = useState<PlanState>({ type: 'idle' })
  const key = change ? JSON.stringify(change) : null

  useEffect(() => {
    if (key === null) {
      setState({ type: 'idle' })
      return
    }
    let isCurrent = true
    setState({ type: 'planning' })
    const timer = setTimeout(() => {
      api.links.planRename(path, JSON.parse(key) as RenameChange).then(
        (result) => {
          if (isCurrent) setState(result.ok ? { type: 'planned', plan: result.plan } : { type: 'failed', message: result.message })
        },
        (error: unknown) => {
          if (isCurrent) setState({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
        },
      )
    }, PLAN_DELAY_MS)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [path, key])

  return [state, (plan) => setState({ type: 'planned', plan })]
}
