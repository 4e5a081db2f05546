import type { VaultChange } from '../../src-shared/model/vault'
import type { PostMeta } from './search-document'
import { VaultSearch, type VaultSearchOptions } from './vault-search'

/**
 * Ties a {@link VaultSearch} to the open vault session: one search per vault,
 * started once the session's own indexing is done (so it starts from the complete
 * list of posts), fed every `VaultChange` the session announces after that, and
 * closed (its index written) when another vault opens or the app quits.
 */
export class SessionSearch {
  private search: VaultSearch | null = null
  private started: Promise<void> = Promise.resolve()
  private isStarted = false

  constructor(private readonly options: Omit<VaultSearchOptions, 'root'> = {}) {}

  /**
   * Closes the previous vault's search and prepares one for `root`, to start when
   * `ready` resolves with the posts `listPosts` gives then.
   */
  async open(root: string, ready: Promise<void>, listPosts: () => PostMeta[]): Promise<void> {
    await this.close()
    const search = new VaultSearch({ ...this.options, root })
    this.search = search
    this.isStarted = false
    this.started = ready.then(() => {
      if (this.search !== search) return
      this.isStarted = true
      return search.start(listPosts())
    }).catch(() => {})
  }

  /** The open vault's search, or null; it may still be starting ({@link whenStarted}). */
  current(): VaultSearch | null {
    return this.search
  }

  /** Resolves once the current search has indexed every post (or failed to). */
  whenStarted(): Promise<void> {
    return this.started
  }

  /** Forwards a change of the vault to the search; changes before it started are covered by its start. */
  onVaultChange(change: VaultChange): void {
    if (this.search !== null && this.isStarted) void this.search.applyVaultChange(change).catch(() => {})
  }

  /** Closes the current search, writing its index if it changed. */
  async close(): Promise<void> {
    const search = this.search
    this.search = null
    this.isStarted = false
    await search?.close()
  }
}
