// Chromium for the browser tests and the lab benchmark: offline except for the local server.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

/** CHROME_PATH, else /usr/bin/chromium; null when neither exists. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROME_PATH || '/usr/bin/chromium'
  return existsSync(candidate) ? candidate : null
}

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('No Chromium: set CHROME_PATH.')
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

/**
 * A context where every request to a host other than `origin` is aborted and recorded, so a test can prove the
 * page needs no network.
 */
export async function offlineContext(browser: Browser, origin: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) {
  const context: BrowserContext = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
  })
  const blocked: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue()
    blocked.push(url)
    return route.abort()
  })
  return { context, blocked }
}
