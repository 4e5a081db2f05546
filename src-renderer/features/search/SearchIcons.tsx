import { strokeIcon } from '../../ui/Icons'

/** A magnifying glass, for search. */
export const SearchIcon = strokeIcon(['M11 4a7 7 0 1 0 0 14 7 7 0 1 0 0-14', 'm20 20-4.2-4.2'])

/** A keyboard command symbol, for the command palette. */
export const CommandIcon = strokeIcon(['M15 6v12a3 3 0 1 0 3-3H6a3 3 0 1 0 3 3V6a3 3 0 1 0-3 3h12a3 3 0 1 0-3-3'])

/** Two chain links, for backlinks. */
export const LinkIcon = strokeIcon(['M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71', 'M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71'])

/** A clock arrow, for recently opened posts. */
export const HistoryIcon = strokeIcon(['M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8', 'M3 3v5h5', 'M12 7v5l4 2'])

/** A pen on a line, for renaming. */
export const RenameIcon = strokeIcon(['M12 20h9', 'M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4Z'])

/** A right arrow, for "before → after". */
export const ArrowRightIcon = strokeIcon(['M5 12h14', 'm12 5 7 7-7 7'])
