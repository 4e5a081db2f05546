/**
 * The post editor's CodeMirror setup, free of React: {@link createEditorExtensions}
 * builds the extension, {@link replaceFromDisk} syncs with the file on disk and
 * {@link cursorPosition} reads the cursor for the status bar.
 */
export { createEditorExtensions, type EditorListeners } from './create-editor-extensions'
export { diskReplacement, fromDisk, isFromDisk, replaceFromDisk } from './disk-sync'
export { cursorPosition, type CursorPosition } from './cursor-position'
export { frontMatterSyntax } from './front-matter-syntax'
export { mathSyntax, mathTag } from './math-syntax'
