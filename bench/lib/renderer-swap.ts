// Does Chromium load a URL in a renderer process of its own, coming from `from`? Issue 26: from about:blank, where
// Lighthouse starts every run, a page without Cross-Origin-Opener-Policy reuses the tab's renderer and a page with it
// gets a new one, whose start Lighthouse counts as the page's blocking time; from another site both get a new one.
// Used by bench/renderer-swap.ts (against any servers) and e2e/renderer-swap.test.ts (against the site's build).
import type { Browser } from 'playwright-core'

/** The renderer processes Chromium has: its own view through the browser's DevTools session. */
async function renderers(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id)
  } finally {
    await cdp.detach()
  }
}

/** Loads `url` in a fresh tab that shows `from` first (about:blank as is); true if a new renderer process appeared. */
export async function loadsInNewRenderer(browser: Browser, from: string, url: string): Promise<boolean> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    if (from !== 'about:blank') await page.goto(from)
    const before = await renderers(browser)
    await page.goto(url, { waitUntil: 'load' })
    return (await renderers(browser)).some((id) => !before.includes(id))
  } finally {
    await context.close()
  }
}

/** The same URL under another site's name, to Chromium: localhost and 127.0.0.1 are two sites. */
export const otherSite = (url: string) => url.replace('//localhost', '//127.0.0.1')
