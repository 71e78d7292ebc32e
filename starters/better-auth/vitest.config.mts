import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The app's own `~/` imports, for tests that load its server modules (tests/unit/account-linking.test.ts).
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'src') } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 1_500_000, // a cold `next build` on a busy 2-core machine can take minutes
    fileParallelism: false,
    reporters: ['verbose'],
  },
})
