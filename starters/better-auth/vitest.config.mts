import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 1_500_000, // a cold `next build` on a busy 2-core machine can take minutes
    fileParallelism: false,
    reporters: ['verbose'],
  },
})
