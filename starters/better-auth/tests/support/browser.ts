// Chromium from CHROME_PATH or Debian's /usr/bin/chromium, driven by playwright-core (no download).
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => Boolean(p && existsSync(p)),
)

export function launch(): Promise<Browser> {
  if (!CHROME) throw new Error('No Chromium: set CHROME_PATH or install chromium (apt-get install -y chromium).')
  return chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** A context that reaches only the app: any other host is aborted. */
export async function appContext(browser: Browser, base: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base })
  const origin = new URL(base).origin
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()))
  return context
}
