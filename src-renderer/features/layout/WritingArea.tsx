import './split-panes.css'
import type { EditorState, Text } from '@codemirror/state'
import { EditorSelection } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { createFormulaRenderer } from '../../../src-shared/markdown/formula-renderer'
import { createMacroSet } from '../../../src-shared/markdown/macros'
import type { PostDocument, PostSummary } from '../../../src-shared/model/post'
import type { LoadKind } from '../editor/document-session'
import { MarkdownEditor } from '../editor/MarkdownEditor'
import { headingIndexAt } from '../outline/outline'
import { OutlinePanel } from '../outline/OutlinePanel'
import { useOutline } from '../outline/useOutline'
import { PreviewPane } from '../preview/PreviewPane'
import { measurePreviewBlocks } from './preview-scroll'
import { previewOffsetForLine } from './scroll-mapping'
import { SplitPanes } from './SplitPanes'
import { usePreviewDocument } from './usePreviewDocument'
import { useScrollSync } from './useScrollSync'
import { useTopLine } from './useTopLine'
import type { ViewPreferences } from './view-preferences'

// Headings hold few, small formulas; one small cache serves every outline.
const outlineRenderer = createFormulaRenderer({ cacheSize: 200, budget: { maxLength: 500, maxDepth: 30 } })

/** Props of {@link WritingArea}. */
export interface WritingAreaProps {
  document: PostDocument
  loadId: number
  loadKind: LoadKind
  focusToken: number
  onEdit: (doc: Text) => void
  onState: (state: EditorState) => void
  /** The editor's latest state (its text feeds the preview and the outline). */
  editorState: EditorState | null
  preferences: ViewPreferences
  onPreferences: (patch: Partial<ViewPreferences>) => void
  /** The folder's TeX macro preamble. */
  preamble: string
  posts: readonly PostSummary[]
  notify: (message: string) => void
}

/**
 * The body of the editor pane: the outline, the editor and the live preview in
 * the chosen layout, with the two scrolled together in the split layout. The
 * preview is given every edit; it renders in a worker, so typing never waits for it.
 */
export function WritingArea(props: WritingAreaProps) {
  const { document, editorState, preferences, onPreferences, preamble } = props
  const { layout, splitRatio, showOutline, showMathWidgets, isVim } = preferences
  const [view, setView] = useState<EditorView | null>(null)
  const [editorHost, setEditorHost] = useState<HTMLDivElement | null>(null)
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  const [blocks, setBlocks] = useState<HTMLElement | null>(null)
  const options = useMemo(() => ({ preamble, showMathWidgets, isVim }), [preamble, showMathWidgets, isVim])

  // The state may still be the previous post's for the render that opens another one.
  const doc = editorState?.doc ?? null
  const isPreviewShown = layout !== 'editor'
  const previewDoc = usePreviewDocument(isPreviewShown ? doc : null, props.loadId)
  const source = useMemo(() => (isPreviewShown ? (previewDoc?.toString() ?? document.text) : ''), [isPreviewShown, previewDoc, document.text])

  const scrollSync = useScrollSync({ view, editorHost, previewScroller: scroller, previewBlocks: blocks, isActive: layout === 'split' })
  const { sync, setDriver } = scrollSync
  const onRendered = useCallback(
    (element: HTMLElement) => {
      setBlocks(element)
      sync()
    },
    [sync],
  )
  useEffect(() => {
    if (!scroller) setBlocks(null)
  }, [scroller])
  useEffect(() => {
    // The editor's column changed width or came back from hiding: measure again.
    view?.requestMeasure()
  }, [view, layout, splitRatio, showOutline])

  const outline = useOutline(doc, showOutline)
  const { headings } = outline
  const outlineMath = useMemo(() => ({ renderer: outlineRenderer, macros: createMacroSet({ preamble }), labels: outline.labels }), [preamble, outline.labels])
  const topLine = useTopLine({ view, previewScroller: scroller, previewBlocks: blocks, isPreviewOnly: layout === 'preview', isEnabled: showOutline })
  const activeHeading = headingIndexAt(headings, topLine)

  const jumpTo = useCallback(
    (line: number) => {
      if (view) {
        const target = view.state.doc.line(Math.min(line + 1, view.state.doc.lines))
        setDriver('editor')
        view.dispatch({ selection: EditorSelection.cursor(target.from), effects: EditorView.scrollIntoView(target.from, { y: 'start', yMargin: 24 }) })
        if (layout !== 'preview') view.focus()
      }
      if (layout === 'preview' && scroller && blocks) {
        const offset = previewOffsetForLine(measurePreviewBlocks(scroller, blocks), line)
        if (offset !== null) scroller.scrollTo({ top: offset, behavior: 'smooth' })
      }
    },
    [view, layout, scroller, blocks, setDriver],
  )

  return (
    <SplitPanes
      layout={layout}
      ratio={splitRatio}
      onRatio={(ratio) => onPreferences({ splitRatio: ratio })}
      editorRef={setEditorHost}
      outline={showOutline ? <OutlinePanel headings={headings} activeIndex={activeHeading} onJump={jumpTo} math={outlineMath} /> : null}
      editor={
        <MarkdownEditor
          text={document.text}
          loadId={props.loadId}
          loadKind={props.loadKind}
          focusToken={props.focusToken}
          onEdit={props.onEdit}
          onState={props.onState}
          options={options}
          onView={setView}
        />
      }
      preview={
        isPreviewShown ? (
          <PreviewPane
            source={source}
            postPath={document.summary.path}
            preamble={preamble}
            posts={props.posts}
            notify={props.notify}
            scrollerRef={setScroller}
            onRendered={onRendered}
          />
        ) : null
      }
    />
  )
}
