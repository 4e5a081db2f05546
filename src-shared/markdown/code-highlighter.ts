import hljs from 'highlight.js/lib/core'
import type { LanguageFn } from 'highlight.js'

/**
 * Highlights fenced code. Languages load on first use: `highlight` returns undefined
 * for a language that is not loaded yet and starts loading it; `stateOf` changes when
 * it arrives, which invalidates cached blocks that showed the code plain.
 */
export interface CodeHighlighter {
  /** Highlighted HTML (hljs spans, text escaped by hljs) or undefined to show the code plain. */
  highlight(code: string, language: string): string | undefined
  /** A short string that changes when `language`'s highlighting becomes available. */
  stateOf(language: string): string
  /** Loads the grammars for `languages`; resolves when all have loaded or failed. */
  load(languages: readonly string[]): Promise<void>
  /** Called once whenever a language finishes loading. */
  onLoaded(listener: () => void): () => void
}

type Loader = () => Promise<{ default: LanguageFn }>

const LOADERS: Record<string, Loader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  go: () => import('highlight.js/lib/languages/go'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  julia: () => import('highlight.js/lib/languages/julia'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  latex: () => import('highlight.js/lib/languages/latex'),
  lua: () => import('highlight.js/lib/languages/lua'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  matlab: () => import('highlight.js/lib/languages/matlab'),
  plaintext: () => import('highlight.js/lib/languages/plaintext'),
  python: () => import('highlight.js/lib/languages/python'),
  r: () => import('highlight.js/lib/languages/r'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scala: () => import('highlight.js/lib/languages/scala'),
  shell: () => import('highlight.js/lib/languages/shell'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
}

const ALIASES: Record<string, string> = {
  'c++': 'cpp', cc: 'cpp', cxx: 'cpp', hpp: 'cpp', h: 'c', 'c#': 'csharp', cs: 'csharp', golang: 'go',
  html: 'xml', svg: 'xml', js: 'javascript', jsx: 'javascript', mjs: 'javascript', ts: 'typescript',
  tsx: 'typescript', py: 'python', python3: 'python', rb: 'ruby', rs: 'rust', sh: 'bash', zsh: 'bash',
  console: 'shell', tex: 'latex', md: 'markdown', yml: 'yaml', kt: 'kotlin', make: 'makefile',
  text: 'plaintext', txt: 'plaintext', jl: 'julia',
}

/** The grammar name Lemma loads for a fence's info word, or null when it has none. */
export function canonicalLanguage(language: string): string | null {
  const lower = language.toLowerCase()
  const name = ALIASES[lower] ?? lower
  return name in LOADERS ? name : null
}

/**
 * Creates a highlighter over its own highlight.js core instance (no global
 * registration), with grammars loaded lazily by dynamic import, so only the
 * languages a post uses are fetched.
 */
export function createCodeHighlighter(): CodeHighlighter {
  const engine = hljs.newInstance()
  const loaded = new Set<string>()
  const loading = new Map<string, Promise<void>>()
  const listeners = new Set<() => void>()

  const loadOne = (name: string): Promise<void> => {
    const existing = loading.get(name)
    if (existing) return existing
    const promise = LOADERS[name]()
      .then((module) => {
        engine.registerLanguage(name, module.default)
        loaded.add(name)
        for (const listener of listeners) listener()
      })
      .catch(() => {
        // A grammar that fails to load leaves its code plain.
      })
    loading.set(name, promise)
    return promise
  }

  return {
    highlight(code, language) {
      const name = canonicalLanguage(language)
      if (name === null) return undefined
      if (!loaded.has(name)) {
        void loadOne(name)
        return undefined
      }
      try {
        return engine.highlight(code, { language: name, ignoreIllegals: true }).value
      } catch {
        return undefined
      }
    },
    stateOf(language) {
      const name = canonicalLanguage(language)
      return name !== null && loaded.has(name) ? 'y' : 'n'
    },
    async load(languages) {
      const names = languages.map(canonicalLanguage).filter((name): name is string => name !== null)
      await Promise.all(names.map(loadOne))
    },
    onLoaded(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
