/** Props shared by every icon: the rendered size in CSS pixels. */
export interface IconProps {
  size?: number
  className?: string
}

/**
 * Makes a 24×24 stroked line icon from SVG path data. Every icon of the app is made
 * here, so they share one size, stroke and accessibility treatment (decorative).
 */
export function strokeIcon(paths: readonly string[]) {
  return function Icon({ size = 16, className }: IconProps) {
    return (
      <svg
        className={className}
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    )
  }
}

/** A plus sign. */
export const PlusIcon = strokeIcon(['M12 5v14', 'M5 12h14'])

/** A pencil on a page, for writing a new post. */
export const NewPostIcon = strokeIcon([
  'M12 3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-7',
  'M18.4 2.6a1 1 0 0 1 3 3l-9 9a2 2 0 0 1-.86.5l-2.87.84a.5.5 0 0 1-.62-.62l.84-2.87a2 2 0 0 1 .5-.85z',
])

/** A downward chevron, for menus. */
export const ChevronDownIcon = strokeIcon(['m6 9 6 6 6-6'])

/** A warning triangle. */
export const WarningIcon = strokeIcon([
  'M21.73 18 13.73 4a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3Z',
  'M12 9v4',
  'M12 17h.01',
])

/** An open folder. */
export const FolderOpenIcon = strokeIcon([
  'm6 14 1.5-2.9A2 2 0 0 1 9.24 10H20a2 2 0 0 1 1.94 2.5l-1.54 6a2 2 0 0 1-1.95 1.5H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h3.9a2 2 0 0 1 1.69.9l.81 1.2a2 2 0 0 0 1.67.9H18a2 2 0 0 1 2 2v2',
])

/** A closed folder. */
export const FolderIcon = strokeIcon([
  'M20 20a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-7.9a2 2 0 0 1-1.69-.9L9.6 3.9A2 2 0 0 0 7.93 3H4a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2Z',
])

/** A page with lines of text. */
export const FileTextIcon = strokeIcon([
  'M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z',
  'M14 2v4a2 2 0 0 0 2 2h4',
  'M10 9H8',
  'M16 13H8',
  'M16 17H8',
])

/** A cross, for closing. */
export const CloseIcon = strokeIcon(['M18 6 6 18', 'm6 6 12 12'])

/** Two circling arrows, for reloading. */
export const ReloadIcon = strokeIcon([
  'M3 12a9 9 0 0 1 9-9 9.75 9.75 0 0 1 6.74 2.74L21 8',
  'M21 3v5h-5',
  'M21 12a9 9 0 0 1-9 9 9.75 9.75 0 0 1-6.74-2.74L3 16',
  'M8 16H3v5',
])
