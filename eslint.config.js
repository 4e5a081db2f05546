import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const nodeOnly = ['electron', 'electron/*', 'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'lowdb', 'lowdb/*', 'chokidar', 'write-file-atomic']

/**
 * Lint rules that keep the process boundaries honest: the renderer never reaches
 * Node, Electron, lowdb or the vault code, and src-shared stays process-neutral.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench-results/**', 'resources/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeOnly, message: 'The renderer is a sandboxed web page: it reaches main only through src-renderer/ipc.ts.' },
          { group: ['**/src-main/**', '**/src-preload/**'], message: 'The renderer may import src-shared only, not main or preload code.' },
        ],
      }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeOnly, 'react', 'react-dom', 'react/*', '@codemirror/*', 'codemirror'], message: 'src-shared is pure TypeScript used by every process.' },
          { group: ['**/src-main/**', '**/src-preload/**', '**/src-renderer/**'], message: 'src-shared may not depend on a process-specific folder.' },
        ],
      }],
    },
  },
  {
    files: ['src-main/vault/**/*.ts', 'src-main/metadata/**/*.ts', 'src-main/services/**/*.ts', 'src-main/search/**/*.ts', 'src-main/index-worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'electron/*'], message: 'The vault, metadata and services are plain Node so they can be tested without Electron.' }],
      }],
    },
  },
)
