// Issue 26: a page loads its own JavaScript and nothing of the pages it links to until the reader shows intent
// (components/PrefetchOnIntent). Next's <Link> would otherwise prefetch, and evaluate, every linked page in view
// (Nextra's navbar, sidebar, table of contents, prev/next) while the page is still loading: the blocking time
// Lighthouse measured against a bare Nextra page. Then hover, touch and focus each prefetch the page they point at.
import type { Page, Request } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'

const env = useServerAndBrowser()

/** `pages/guide/the-problem-<hash>.js` -> `/guide/the-problem`; `_next/data/<id>/guide/x.json` -> `/guide/x`. */
function routeOf(url: string): string | undefined {
  const { pathname } = new URL(url)
  const chunk = pathname.match(/^\/_next\/static\/chunks\/pages(\/.+?)-[0-9a-f]+\.js$/)?.[1]
  const data = pathname.match(/^\/_next\/data\/[^/]+(\/.+)\.json$/)?.[1]
  const route = chunk ?? data
  return route === '/index' ? '/' : route
}

/** The page at `path`, loaded, idle, with every request for another page's chunk or data it made on its own. */
async function openIdle(path: string, viewport = { width: 1280, height: 900 }) {
  const context = await localContext(env.browser, env.server.url, { viewport })
  const page = await context.newPage()
  const others: string[] = []
  // The page's own data, fetched again after hydration: what Next's router does when it knows a middleware matches
  // the page. README, "Page speed": Next 15.5 sends the client no matcher list (`_middlewareManifest.js`) for the
  // site's Node.js middleware, so neither is requested.
  const ownData: string[] = []
  const record = (request: Request) => {
    const route = routeOf(request.url())
    if (route && route !== path && !route.startsWith('/_')) others.push(request.url())
    if (route === path && request.url().includes('/_next/data/')) ownData.push(request.url())
    if (request.url().endsWith('/_middlewareManifest.js')) ownData.push(request.url())
  }
  page.on('request', record)
  await page.goto(path, { waitUntil: 'load' })
  await page.waitForLoadState('networkidle')
  // Link's viewport prefetch waits for an IntersectionObserver callback and idle time: give it longer than it needs.
  await page.waitForTimeout(2_000)
  await page.waitForLoadState('networkidle')
  return { page, others, ownData, close: () => context.close() }
}

const requestFor = (page: Page, route: string) =>
  page.waitForRequest((request) => routeOf(request.url()) === route, { timeout: 30_000 }) // generous: CI runs this on a loaded 2-core machine

describe.skipIf(!hasBrowser)('prefetch on intent only', () => {
  for (const path of ['/', '/guide/the-problem', '/guide/server-side-update']) {
    it(`${path}: no other page's JavaScript or data is fetched without interaction, wide or 375 px`, async () => {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 800 }]) {
        const { page, others, ownData, close } = await openIdle(path, viewport)
        // The page has links to other pages in view: without this component they are prefetched.
        expect(await page.locator('a[href^="/guide/"]:visible').count()).toBeGreaterThan(0)
        expect(others).toEqual([])
        expect(ownData).toEqual([])
        await close()
      }
    })
  }

  it('hovering a link prefetches its page, and the click then navigates', async () => {
    const { page, others, close } = await openIdle('/guide/the-problem')
    const link = page.locator('aside a[href="/guide/server-side-update"]').first()
    const prefetched = requestFor(page, '/guide/server-side-update')
    await link.hover()
    await prefetched
    expect(others.some((url) => routeOf(url) === '/guide/server-side-update')).toBe(true)
    await link.click()
    await page.waitForURL(/\/guide\/server-side-update$/)
    await page.locator('h1').first().waitFor()
    await close()
  })

  it('keyboard focus on a link prefetches its page', async () => {
    const { page, close } = await openIdle('/guide/the-problem')
    const prefetched = requestFor(page, '/guide/server-side-update')
    await page.locator('aside a[href="/guide/server-side-update"]').first().focus()
    expect(routeOf((await prefetched).url())).toBe('/guide/server-side-update')
    await close()
  })
})
