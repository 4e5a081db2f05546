/**
 * The vault core: plain Node, no Electron. Paths, file names, front matter,
 * the folder walk and safe file operations on posts.
 */
export { writeFileAtomic } from './atomic-write'
export { readCategories, readTags } from './categories'
export { createPostFile, type CreatedPost } from './create-post-file'
export { formatLocalDateTime, parseDate } from './dates'
export { deletePostFile } from './delete-post-file'
export { buildExcerpt, cutPlainText, EXCERPT_LENGTH } from './excerpt'
export { fileNameFromTitle, fileNameKey, MAX_FILE_NAME_BYTES, uniqueFileName, validateFileName } from './file-names'
export { parsePost, type ParsedPost, type PostFileInfo } from './front-matter'
export { readFrontMatter, type FrontMatter } from './front-matter-block'
export { extractLinks } from './links'
export { flattenMarkdown, type PlainText } from './plain-text'
export { readPostFile, writePostFile, type PostFile, type WriteOptions, type WrittenPost } from './post-files'
export { resolvePostPath } from './post-path'
export { defaultPostTemplate, yamlQuote } from './post-template'
export { renamePostFile } from './rename-post-file'
export { decodeText, encodeText, hashBytes, type DecodedText, type LineEnding } from './text-codec'
export { isPathInside, resolveInVault, toVaultRelative, type VaultPath } from './vault-paths'
export { walkMarkdownFiles, type WalkedFile } from './walk'
export { countWords } from './word-count'
