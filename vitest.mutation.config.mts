import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run test:mutation` (stryker.config.mjs): the fast tests (the `unit` project of vitest.config.mts) alone,
// without the JSON reporter, so Stryker can run them once per mutant.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: { include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/unit/setup.ts'] },
})
