import { failure, type Failure } from '../../../src-shared/model/results'
import type { SaveConflict } from '../../../src-shared/model/save-conflict'

/** Runs a call to main, turning a thrown error (the bridge failed) into an `io-error` failure. */
export async function settle<R>(call: () => Promise<R>): Promise<R | Failure> {
  try {
    return await call()
  } catch (error) {
    return failure('io-error', error instanceof Error ? error.message : String(error))
  }
}

/** Whether a failed save is a conflict carrying both sides (main always sends them). */
export function isSaveConflict(result: Failure): result is SaveConflict {
  return result.reason === 'conflict' && 'disk' in result
}
