/**
 * Expected failures cross the bridge as values, never as thrown errors (a thrown
 * error reaches the renderer with only its message).
 */

/** Why an operation on the vault did not happen. */
export type FailureReason =
  | 'missing'
  | 'conflict'
  | 'invalid-name'
  | 'exists'
  | 'outside-vault'
  | 'no-vault'
  | 'io-error'
  | 'cancelled'

/** A failed operation: `reason` for code, `message` for people. */
export interface Failure {
  ok: false
  reason: FailureReason
  message: string
}

/** Either a value or a {@link Failure}. */
export type Result<T> = ({ ok: true } & T) | Failure

/** Builds a {@link Failure}. */
export function failure(reason: FailureReason, message: string): Failure {
  return { ok: false, reason, message }
}
