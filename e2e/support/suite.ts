// What the browser tests and the lab's benchmark share: one production server and Chromium per file, and a
// context that records every request it aborted, so a test can prove the lab never even tries the network.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startServer, type TestServer } from '../../tests/support/server'
import { hasBrowser, launch, localContext } from './browser'

/** `serverEnv`: settings for this file's server only (e.g. a tight GUEST_SIGNIN_LIMIT). */
export function useServerAndBrowser(serverEnv: Record<string, string> = {}) {
  const env = {} as { server: TestServer; browser: Browser }
  beforeAll(async () => {
    if (!hasBrowser) return
    ;[env.server, env.browser] = await Promise.all([startServer({ env: serverEnv }), launch()])
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.stop({ clean: true })
  })
  return env
}

/** localContext, plus the list of requests to other hosts it aborted (workers' included). */
export async function offlineContext(browser: Browser, base: string, options: Parameters<typeof localContext>[2] = {}) {
  const context = await localContext(browser, base, options)
  const blocked: string[] = []
  const origin = new URL(base).origin
  context.on('requestfailed', (request) => {
    if (!request.url().startsWith(origin)) blocked.push(request.url())
  })
  return { context, blocked }
}
