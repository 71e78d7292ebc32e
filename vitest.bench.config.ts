import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run bench:lab`: measurements, not tests, so they stay out of `npm test`.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: { include: ['bench/**/*.bench-run.ts'], testTimeout: 300_000, hookTimeout: 120_000 },
})
