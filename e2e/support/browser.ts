// Chromium for browser tests: CHROME_PATH or Debian's /usr/bin/chromium. Without one the tests are
// skipped with a loud message, except under CI, where a missing browser is a failure.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => Boolean(p && existsSync(p)),
)

if (!CHROME) {
  const message = 'No Chromium found (set CHROME_PATH or `apt-get install -y chromium`): browser tests cannot run.'
  if (process.env.CI) throw new Error(message)
  console.warn(`\n\n!!! ${message} They are SKIPPED. !!!\n\n`)
}

export const hasBrowser = Boolean(CHROME)

/** `args`: extra Chromium switches (the https run adds --ignore-certificate-errors for its test-time certificate). */
export function launch(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME,
    args: [
      ...args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A context that can reach only the local server: any other host is aborted. */
export async function localContext(browser: Browser, base: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, ...options })
  const origin = new URL(base).origin
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()))
  return context
}
