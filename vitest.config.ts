import { defineConfig } from 'vitest/config'

/** Unit tests run in Node; end-to-end tests drive Chromium from Node as well. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
  },
})
