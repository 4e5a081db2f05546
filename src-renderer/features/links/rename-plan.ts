import type { RenamePlan } from '../../../src-shared/search/link-types'

/**
 * Whether two plans make the same rename with the same link rewrites (files, lines,
 * before and after), ignoring the file versions they were made on: a plan made
 * before the renamed post's own title was saved still describes what the person
 * confirmed.
 */
export function isSamePlan(a: RenamePlan, b: RenamePlan): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b))
}

function comparable(plan: RenamePlan) {
  return {
    path: plan.path,
    change: plan.change,
    newPath: plan.newPath,
    files: plan.files.map((file) => ({ path: file.path, edits: file.edits.map((edit) => [edit.line, edit.before, edit.after]) })),
  }
}

/** The file name of a vault path without its `.md`/`.markdown` extension. */
export function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.replace(/\.(md|markdown)$/i, '')
}
