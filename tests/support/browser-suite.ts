// The setup every browser test file shares: Chromium or a loud skip, and one production server per file.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { chromiumPath, launchChromium } from './browser'
import { startServer, type TestServer } from './server'

/** True when the browser tests must be skipped; in CI a missing Chromium is an error instead. */
export function chromiumMissing(suite: string): boolean {
  if (chromiumPath()) return false
  if (process.env.CI) throw new Error(`CI needs Chromium for the ${suite} browser tests: set CHROME_PATH.`)
  console.warn(`\n⚠️  SKIPPING the ${suite} browser tests: no Chromium (set CHROME_PATH).\n`)
  return true
}

/** Starts the server and Chromium before the file's tests and stops both after; read them inside tests. */
export function useServerAndBrowser() {
  const env = {} as { server: TestServer; browser: Browser }
  beforeAll(async () => {
    ;[env.server, env.browser] = await Promise.all([startServer(), launchChromium()])
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.stop({ clean: true })
  })
  return env
}
