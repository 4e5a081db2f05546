import type { DocumentSnapshot } from '../editor/document-session'
import { useCommandRegistry } from '../commands/command-context'
import { RenameDialog } from '../links/RenameDialog'
import { TitleChangeOfferCard } from '../links/TitleChangeOffer'
import { CommandPalette } from '../palette/CommandPalette'
import { NewPostDialog } from '../posts/NewPostDialog'
import { QuickOpen } from '../quick-open/QuickOpen'
import { SearchPanel } from './SearchPanel'
import type { Navigation } from './useNavigation'

/** Props of {@link NavigationOverlays}. */
export interface NavigationOverlaysProps {
  nav: Navigation
  snapshot: DocumentSnapshot
}

/**
 * Draws the overlay chosen in `nav` (see `useNavigation`): the search panel, quick
 * open, the command palette, the rename dialog, or the dialog creating the post an
 * unresolved link names; and the offer to update links after a title changed.
 */
export function NavigationOverlays({ nav, snapshot }: NavigationOverlaysProps) {
  const registry = useCommandRegistry()
  const { overlay, show, offer } = nav
  const close = () => show(null)
  const summary = snapshot.document?.summary
  let dialog = null

  if (overlay?.type === 'search') {
    dialog = (
      <SearchPanel
        query={nav.searchQuery}
        onQuery={nav.setSearchQuery}
        onOpen={(path, location) => {
          close()
          void nav.openAt(path, location)
        }}
        onClose={close}
      />
    )
  } else if (overlay?.type === 'quick-open') {
    dialog = (
      <QuickOpen
        recent={nav.recent.paths}
        onOpen={(path) => {
          close()
          void nav.openAt(path)
        }}
        onClose={close}
      />
    )
  } else if (overlay?.type === 'palette') {
    dialog = (
      <CommandPalette
        onRun={(id) => {
          close()
          registry.run(id)
        }}
        onClose={close}
      />
    )
  } else if (overlay?.type === 'rename') {
    dialog = (
      <RenameDialog
        path={overlay.path}
        title={overlay.title}
        initialMode={overlay.mode}
        linksOnly={overlay.linksOnly}
        onSetTitle={nav.setTitle}
        onFlush={nav.flush}
        onRenamed={nav.onRenamed}
        onClose={close}
      />
    )
  } else if (overlay?.type === 'create-linked') {
    dialog = (
      <NewPostDialog
        target={{ folder: overlay.folder, categories: [], tags: [] }}
        initialTitle={overlay.title}
        onCreate={nav.createLinked}
        onClose={close}
      />
    )
  }

  const change = offer.change
  const isOfferShown = change !== null && change.path === summary?.path && overlay?.type !== 'rename'
  return (
    <>
      {dialog}
      {isOfferShown && (
        <TitleChangeOfferCard
          change={change}
          onReview={() => nav.startRename('title', { oldTitle: change.oldTitle })}
          onDismiss={offer.dismiss}
        />
      )}
    </>
  )
}
