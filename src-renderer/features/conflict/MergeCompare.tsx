import { MergeView } from '@codemirror/merge'
import { EditorView } from '@codemirror/view'
import { useEffect, useRef } from 'react'
import { compareExtensions } from './compare-extensions'

/** A left-pointing arrow, built with the DOM (the merge view wants an element, not React). */
function arrowIcon(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  const attributes = { width: '14', height: '14', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true' }
  for (const [name, value] of Object.entries(attributes)) svg.setAttribute(name, value)
  for (const d of ['M19 12H5', 'm11 6-6 6 6 6']) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path')
    path.setAttribute('d', d)
    svg.append(path)
  }
  return svg
}

/** Props of {@link MergeCompare}. */
export interface MergeCompareProps {
  /** The left side's text when the view is made (later changes come back through `onLeftChange`). */
  left: string
  right: string
  /** Accessible names of the two sides. */
  leftLabel: string
  rightLabel: string
  /** Whether the left side may be edited, with arrows that copy a right-hand change into it. */
  isLeftEditable: boolean
  /** The tooltip of those arrows. */
  copyLabel: string
  /** Called with the left side's text after each change made to it. */
  onLeftChange?: (text: string) => void
  /** CodeMirror's own words in the interface language (`$ unchanged lines`). */
  phrases?: Record<string, string>
}

/**
 * Two texts side by side with their differences marked and aligned, unchanged
 * stretches folded away (CodeMirror's merge view). The view is made again when
 * `left` or `right` change; edits to an editable left side do not re-render it.
 */
export function MergeCompare({ left, right, leftLabel, rightLabel, isLeftEditable, copyLabel, onLeftChange, phrases }: MergeCompareProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const onChangeRef = useRef(onLeftChange)
  useEffect(() => {
    onChangeRef.current = onLeftChange
  })

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    const view = new MergeView({
      parent: host,
      a: {
        doc: left,
        extensions: [
          compareExtensions({ isEditable: isLeftEditable, label: leftLabel, phrases }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current?.(update.state.doc.toString())
          }),
        ],
      },
      b: { doc: right, extensions: compareExtensions({ isEditable: false, label: rightLabel, phrases }) },
      highlightChanges: true,
      gutter: true,
      collapseUnchanged: { margin: 3, minSize: 8 },
      ...(isLeftEditable
        ? {
            revertControls: 'b-to-a' as const,
            renderRevertControl: () => {
              const button = document.createElement('button')
              button.type = 'button'
              button.className = 'merge-compare__copy'
              button.title = copyLabel
              button.setAttribute('aria-label', copyLabel)
              button.append(arrowIcon())
              return button
            },
          }
        : {}),
    })
    return () => view.destroy()
  }, [left, right, leftLabel, rightLabel, isLeftEditable, copyLabel, phrases])

  return <div className="merge-compare" ref={hostRef} data-testid="merge-compare" />
}
