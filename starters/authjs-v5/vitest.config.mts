import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // One production server and one browser per database; the build alone can take minutes.
    testTimeout: 60_000,
    hookTimeout: 1_500_000, // a cold `next build` on a busy 2-core machine took over 10 minutes
    fileParallelism: false,
    reporters: ['verbose'],
    // next-auth 5 imports 'next/server' without an extension, which Node's ESM loader refuses: let Vite resolve it.
    server: { deps: { inline: ['next-auth'] } },
  },
})
