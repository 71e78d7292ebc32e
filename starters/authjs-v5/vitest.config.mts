import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One production server and one browser for the whole file; the build alone can take minutes.
    testTimeout: 60_000,
    hookTimeout: 1_500_000, // a cold `next build` on a busy 2-core machine took over 10 minutes
    fileParallelism: false,
    reporters: ['verbose'],
  },
})
