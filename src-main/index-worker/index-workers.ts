import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import type { WalkedFile } from '../vault/walk'
import { startWorker } from '../workers/start-worker'
import type { WorkerEntry } from '../workers/worker-entry'
import { unpackListing } from './packed-listing'
import type { FileToParse, ParsedFile } from './parse-files'
import type { IndexWorkerJob, IndexWorkerMessage, IndexWorkerTask } from './worker-protocol'

/** How {@link IndexWorkers.parse} hands over its work. */
export interface PoolParseOptions {
  /** Called on the main thread with each batch, as batches arrive. */
  onBatch: (batch: ParsedFile[]) => void
  /** Files per batch (the first is smaller, see `parseFiles`). Default 250. */
  batchSize?: number
  /** Aborting stops the workers at once; the promise then resolves with what was left. */
  signal?: AbortSignal
}

/** One worker thread of the pool and the job it runs. */
interface Slot {
  worker: Worker
  /** True once the worker said it can take jobs; false if it died first. */
  ready: Promise<boolean>
  /** Jobs queued or running here; the least busy slot takes the next listing. */
  pending: number
  /** The end of the queue of jobs of this slot. */
  queue: Promise<unknown>
  /** Hears the messages of the running job. */
  listener: ((message: IndexWorkerMessage) => void) | null
  /** Told when the worker dies while a job runs. */
  onDeath: (() => void) | null
  /** Ends the worker after it has been idle for `idleMs`. */
  idleTimer: NodeJS.Timeout | null
}

/** How long a worker may sit idle before it ends (some 12 MB each); the next job starts it again. */
export const IDLE_MS = 60_000

/**
 * Index worker threads kept for the life of the app, so that opening a folder, every
 * rescan and every cold index skip the start of a thread (some 60 ms each on a slow
 * machine) and run code the threads have already compiled. The app starts them at
 * launch ({@link prestart}) while its window loads.
 *
 * Each worker takes one job at a time: a listing of a folder ({@link list}) or a share
 * of the files to parse ({@link parse}). A worker that dies is replaced at the next
 * job; the files it had not reported are handed back, so the caller can parse them in
 * its own thread. Idle workers do not keep the process alive, and end after
 * `idleMs` ({@link IDLE_MS}) without a job.
 */
export class IndexWorkers {
  private readonly slots: Array<Slot | null>
  private nextJob = 1
  private isClosed = false

  /** A pool of `size` workers running `entry`; none starts until {@link prestart} or the first job. */
  constructor(
    private readonly entry: WorkerEntry,
    readonly size = defaultWorkerCount(),
    private readonly idleMs = IDLE_MS,
  ) {
    this.slots = new Array<Slot | null>(Math.max(1, size)).fill(null)
  }

  /** Starts every worker now; resolves with whether at least one can take jobs. */
  async prestart(): Promise<boolean> {
    const ready = await Promise.all(this.slots.map((_, index) => this.slotAt(index)?.ready ?? false))
    return ready.some(Boolean)
  }

  /**
   * Lists the vault at `root` with the walk's blocking driver in the least busy
   * worker: the files, the walk's error (an unreadable root), or null when no worker
   * could do it (then the caller lists in its own thread).
   */
  async list(root: string): Promise<WalkedFile[] | Error | null> {
    const index = this.leastBusy()
    const answer = await this.run(index, { task: 'walk', root }, () => {})
    if (answer === null) return null
    if (answer.type === 'walked') return unpackListing(root, answer.listing)
    return answer.type === 'error' ? new Error(answer.message) : null
  }

  /**
   * Reads and parses `files` spread over every worker, dealt round-robin so that each
   * starts with the first (newest) files and the first batches fill the first page of
   * the feed. Resolves with the files no worker reported: none when all went well, the
   * rest of a share whose worker died or could not start, and everything left when
   * `signal` aborted.
   */
  async parse(files: readonly FileToParse[], options: PoolParseOptions): Promise<FileToParse[]> {
    if (files.length === 0) return []
    const count = Math.min(this.slots.length, files.length)
    const shares: FileToParse[][] = Array.from({ length: count }, () => [])
    files.forEach((file, index) => shares[index % count].push(file))
    const leftovers = await Promise.all(shares.map((share, index) => this.parseShare(index, share, options)))
    return leftovers.flat()
  }

  /** The thread ids of the workers running now (diagnostics and tests). */
  threadIds(): number[] {
    return this.slots.flatMap((slot) => (slot ? [slot.worker.threadId] : []))
  }

  /** Stops every worker; jobs under way resolve as if their worker had died. */
  async close(): Promise<void> {
    this.isClosed = true
    await Promise.all(this.slots.map((slot, index) => {
      this.slots[index] = null
      return slot?.worker.terminate()
    }))
  }

  private async parseShare(index: number, share: FileToParse[], options: PoolParseOptions): Promise<FileToParse[]> {
    const reported = new Set<string>()
    const signal = options.signal
    const answer = await this.run(index, { task: 'parse', files: share, batchSize: options.batchSize ?? 250 }, (message) => {
      if (message.type !== 'batch' || signal?.aborted) return
      for (const file of message.batch) reported.add(file.relative)
      options.onBatch(message.batch)
    }, signal)
    return answer?.type === 'done' ? [] : share.filter((file) => !reported.has(file.relative))
  }

  /**
   * Runs one job on slot `index` once its earlier jobs are done. Resolves with the
   * job's last message (`done`, `walked` or `error`), or null when the worker died or
   * could not start, or `signal` aborted (which stops the worker if the job runs, and
   * only then). `onMessage` hears every message of the job.
   */
  private run(index: number, task: IndexWorkerTask, onMessage: (message: IndexWorkerMessage) => void, signal?: AbortSignal): Promise<IndexWorkerMessage | null> {
    const slot = this.slotAt(index)
    if (slot === null || signal?.aborted) return Promise.resolve(null)
    slot.pending++
    const result = slot.queue.then(async () => {
      // A slot killed (an abort) or dead while this job waited has nothing to run it.
      if (!(await slot.ready) || this.slots[index] !== slot || signal?.aborted) return null
      return new Promise<IndexWorkerMessage | null>((resolve) => {
        const id = this.nextJob++
        const abort = () => this.kill(index, slot)
        const finish = (message: IndexWorkerMessage | null) => {
          slot.listener = null
          slot.onDeath = null
          signal?.removeEventListener('abort', abort)
          slot.worker.unref()
          this.startIdleTimer(index, slot)
          resolve(message)
        }
        slot.listener = (message) => {
          if (!('job' in message) || message.job !== id) return
          onMessage(message)
          if (message.type !== 'batch') finish(message)
        }
        slot.onDeath = () => finish(null)
        signal?.addEventListener('abort', abort)
        if (slot.idleTimer) clearTimeout(slot.idleTimer)
        slot.idleTimer = null
        // Busy workers keep the process alive until their job is done.
        slot.worker.ref()
        slot.worker.postMessage({ ...task, job: id } satisfies IndexWorkerJob)
      })
    }).finally(() => { slot.pending-- })
    slot.queue = result.catch(() => {})
    return result
  }

  /** The worker of slot `index`, started if it is not running; null when it cannot start. */
  private slotAt(index: number): Slot | null {
    const existing = this.slots[index]
    if (existing || this.isClosed) return existing
    let worker: Worker
    try {
      worker = startWorker(this.entry, null)
    } catch {
      return null
    }
    let setReady: (isReady: boolean) => void = () => {}
    const slot: Slot = {
      worker,
      ready: new Promise((resolve) => { setReady = resolve }),
      pending: 0,
      queue: Promise.resolve(),
      listener: null,
      onDeath: null,
      idleTimer: null,
    }
    worker.unref()
    worker.on('message', (message: IndexWorkerMessage) => {
      if (message.type === 'ready') {
        setReady(true)
        this.startIdleTimer(index, slot)
      } else {
        slot.listener?.(message)
      }
    })
    const died = () => {
      setReady(false)
      if (slot.idleTimer) clearTimeout(slot.idleTimer)
      if (this.slots[index] === slot) this.slots[index] = null
      slot.onDeath?.()
    }
    worker.on('error', died)
    worker.on('exit', died)
    this.slots[index] = slot
    return slot
  }

  /** Stops `slot`'s worker (its job was aborted); the next job of slot `index` starts a new one. */
  private kill(index: number, slot: Slot): void {
    if (this.slots[index] === slot) this.slots[index] = null
    slot.onDeath?.()
    void slot.worker.terminate()
  }

  /** Ends `slot`'s worker after {@link idleMs} unless a job comes first (or one is queued). */
  private startIdleTimer(index: number, slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null
      if (this.slots[index] !== slot || slot.listener !== null || slot.pending > 0) return
      this.slots[index] = null
      void slot.worker.terminate()
    }, this.idleMs)
    slot.idleTimer.unref()
  }

  private leastBusy(): number {
    let best = 0
    for (let index = 1; index < this.slots.length; index++) {
      if ((this.slots[index]?.pending ?? 0) < (this.slots[best]?.pending ?? 0)) best = index
    }
    return best
  }
}

/**
 * One core less than the machine has, between two and four: the main process and
 * the window keep a core on big machines, and a two-core machine still parses on both.
 */
export function defaultWorkerCount(): number {
  return Math.min(4, Math.max(2, availableParallelism() - 1))
}
