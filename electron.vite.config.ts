import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/**
 * Three builds with explicit entries. The preload is one CommonJS file with every
 * dependency bundled, because a sandboxed preload cannot `require` packages.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The index worker is its own entry, built beside index.js (see src-main/index-worker/run-parse-workers.ts).
        input: {
          index: resolve('src-main/index.ts'),
          'index-worker': resolve('src-main/index-worker/index-worker.ts'),
          'search-worker': resolve('src-main/search/search-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [react()],
    // ES-module workers may split: the preview worker loads highlight.js grammars as lazy chunks.
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: { index: resolve('src-renderer/index.html') },
      },
    },
  },
})
