import { strokeIcon } from '../../ui/Icons'

/** Source text only: a page of lines. */
export const EditorOnlyIcon = strokeIcon(['M5 4h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Z', 'M8 9h8', 'M8 13h8', 'M8 17h5'])

/** Source and preview side by side: a frame split down the middle. */
export const SplitIcon = strokeIcon(['M5 4h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Z', 'M12 4v16'])

/** The rendered post only: an eye. */
export const PreviewOnlyIcon = strokeIcon([
  'M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12Z',
  'M12 14.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z',
])

/** The outline of headings: an indented list. */
export const OutlineIcon = strokeIcon(['M4 6h16', 'M8 12h12', 'M8 18h12', 'M4 12h.01', 'M4 18h.01'])

/** Rendered formulas in the editor: a summation sign. */
export const FormulaIcon = strokeIcon(['M17 5H7l6 7-6 7h10'])
