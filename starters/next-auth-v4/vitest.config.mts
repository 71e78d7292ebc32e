import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Builds the app when there is no build or the sources changed since (it takes a minute or more).
    globalSetup: ['tests/support/build-if-needed.ts'],
    env: { NEXTAUTH_SECRET: 'unit-test-secret-unit-test-secret-32b' },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
