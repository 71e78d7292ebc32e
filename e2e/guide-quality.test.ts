// Every page of the built site: internal links and anchors resolve, axe finds no serious or critical
// violation in light and dark, nothing scrolls sideways at 375 px, and the version tabs remember the choice.
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hasBrowser, localContext } from './support/browser'
import { consoleErrorsOn } from './support/console'
import { onboardedGuest } from './support/guest'
import { useServerAndBrowser } from './support/suite'
import chapters from '@/pages/guide/_meta'

const env = useServerAndBrowser()

/** Crawls from the home page, following every same-origin link; returns each page and the anchors linked on it. */
async function crawl(page: Page) {
  const pages = new Map<string, Set<string>>()
  const queue = ['/']
  const broken: string[] = []
  const files = new Set<string>()
  while (queue.length) {
    const path = queue.shift()!
    if (pages.has(path)) continue
    pages.set(path, new Set())
    const res = await page.goto(path)
    if (!res || res.status() >= 400) broken.push(`${path} → ${res?.status()}`)
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))
    for (const href of hrefs) {
      const url = new URL(href)
      if (url.origin !== new URL(env.server.url).origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/_next/')) continue
      // A file (a starter's .zip, a chart): it must be served, but it is no page to open or crawl.
      if (/\.[a-z0-9]+$/i.test(url.pathname)) {
        files.add(url.pathname)
        continue
      }
      if (url.hash) pages.get(path)!.add(url.pathname + url.hash)
      if (!pages.has(url.pathname)) queue.push(url.pathname)
    }
  }
  for (const file of files) {
    const res = await fetch(new URL(file, env.server.url), { method: 'HEAD' })
    if (!res.ok) broken.push(`${file} → ${res.status}`)
  }
  return { pages, broken, files }
}

describe.skipIf(!hasBrowser)('the built site', () => {
  // Crawled once for every test below (each walks `site.pages` in its own context: colour scheme, viewport, session).
  const site = {} as Awaited<ReturnType<typeof crawl>>
  beforeAll(async () => {
    const context = await localContext(env.browser, env.server.url)
    Object.assign(site, await crawl(await context.newPage()))
    await context.close()
  }, 240_000)

  it('has no broken internal link and no missing anchor', async () => {
    const context = await localContext(env.browser, env.server.url)
    const page = await context.newPage()
    const { pages, broken } = site
    expect([...pages.keys()].filter((p) => p.startsWith('/guide/')).length).toBe(Object.keys(chapters).length)
    const missing: string[] = []
    for (const [from, anchors] of pages) {
      for (const target of anchors) {
        const [path, id] = target.split('#')
        if (!id) continue
        await page.goto(path)
        if ((await page.locator(`[id="${decodeURIComponent(id)}"]`).count()) === 0) missing.push(`${from} → ${target}`)
      }
    }
    expect(broken).toEqual([])
    expect(missing).toEqual([])
    await context.close()
  }, 240_000)

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violation on any page (${colorScheme})`, async () => {
      const context = await localContext(env.browser, env.server.url, { colorScheme })
      await context.addInitScript((theme) => localStorage.setItem('theme', theme), colorScheme)
      const page = await context.newPage()
      const { pages } = site
      const violations: string[] = []
      for (const path of pages.keys()) {
        await page.goto(path)
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), path).toBe(colorScheme === 'dark')
        const { violations: found } = await new AxeBuilder({ page }).analyze()
        for (const v of found.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          violations.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
        }
      }
      expect(violations).toEqual([])
      await context.close()
    }, 300_000)
  }

  it('logs no console error on any page, signed out and signed in (through the gate)', async () => {
    const context = await localContext(env.browser, env.server.url)
    const page = await context.newPage()
    const { pages } = site
    const signedOut = await consoleErrorsOn(page, pages.keys())
    await onboardedGuest(context)
    // Signed in, the pages that change with the session: the demo's (explore only opens past the gate).
    const demo = [...pages.keys()].filter((p) => p.startsWith('/demo'))
    const signedIn = await consoleErrorsOn(page, new Set([...demo, '/', '/lab', '/demo/onboarding', '/demo/explore', '/demo/attack']))
    expect({ signedOut, signedIn }).toEqual({ signedOut: [], signedIn: [] })
    await context.close()
  }, 480_000)

  it('does not scroll sideways at 375 px', async () => {
    const context = await localContext(env.browser, env.server.url, { viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    const { pages } = site
    const wide: string[] = []
    for (const path of pages.keys()) {
      await page.goto(path)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      if (width > 375) wide.push(`${path}: ${width}px`)
    }
    expect(wide).toEqual([])
    await context.close()
  }, 240_000)

  it('remembers the version across pages and reloads, and takes it from ?v=', async () => {
    const context = await localContext(env.browser, env.server.url)
    const page = await context.newPage()
    const selected = () => page.getByRole('tab', { selected: true }).first().textContent()
    await page.goto('/guide/pass-through')
    expect(await selected()).toMatch(/v4/)
    await page.getByRole('tab', { name: /v5/ }).first().click()
    expect(await selected()).toMatch(/v5/)
    await expect.poll(() => page.getByRole('tab', { selected: true }).allTextContents()).not.toContain('next-auth v4')
    await page.goto('/guide/hardening')
    await expect.poll(selected).toMatch(/v5/)
    await page.reload()
    await expect.poll(selected).toMatch(/v5/)
    await page.goto('/guide/middleware?v=4')
    await expect.poll(selected).toMatch(/v4/)
    await page.goto('/guide/typescript')
    await expect.poll(selected).toMatch(/v4/)
    // The code the reader sees in the v5 tab is the file the tests run.
    await page.getByRole('tab', { name: /v5/ }).first().click()
    await expect.poll(() => page.getByRole('tabpanel').first().textContent()).toContain("declare module '@auth/core/jwt'")
    await context.close()
  })
})
