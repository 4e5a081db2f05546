/**
 * How far indexing of the open vault has come, pushed as the `indexProgress` event
 * so the window can show "1,234 / 10,000" while a cold open parses in a worker.
 */
export interface IndexProgress {
  /**
   * `scanning` while the folder is listed (total not known yet), `indexing` while
   * changed files are read and parsed, `done` once the metadata is complete.
   */
  phase: 'scanning' | 'indexing' | 'done'
  /** Files read and parsed so far in this pass. */
  done: number
  /** Files this pass has to read and parse (0 while scanning, and on a warm open with nothing changed). */
  total: number
}
