/**
 * An immutable value that changes by replacement, shaped for React's
 * `useSyncExternalStore`: {@link get} returns the same object until an
 * {@link update} changes a field, and only then are the listeners called.
 */
export class SnapshotStore<T extends object> {
  private current: T
  private readonly listeners = new Set<() => void>()

  constructor(initial: T) {
    this.current = initial
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The current value; the same object until something changes. */
  readonly get = (): T => this.current

  /** Replaces the value with `fields` merged in, unless every one of them is already there. */
  update(fields: Partial<T>): void {
    const next = { ...this.current, ...fields }
    const keys = Object.keys(fields) as (keyof T)[]
    if (keys.every((key) => next[key] === this.current[key])) return
    this.current = next
    for (const listener of [...this.listeners]) listener()
  }
}
