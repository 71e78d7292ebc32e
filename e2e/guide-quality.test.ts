// Every page of the built site, each opened once: internal links and anchors resolve, axe finds no serious or
// critical violation in light and in dark, nothing scrolls sideways at 375 px, nothing logs a console error
// (signed out; the demo's pages again signed in), and the version tabs remember the reader's choice.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hasBrowser, localContext } from './support/browser'
import { consoleErrorsOn } from './support/console'
import { onboardedGuest } from './support/guest'
import { useServerAndBrowser } from './support/suite'
import chapters from '@/pages/guide/_meta'

const env = useServerAndBrowser()

const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 375, height: 800 }
/** axe's rules whose result depends on the colour scheme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

/** What one visit to a page found. */
interface Visit {
  /** Every element id on the page, to check the anchors other pages link to. */
  ids: Set<string>
  /** Same-origin links with a fragment, as "path#id". */
  anchors: Set<string>
  axe: { light: string[]; dark: string[] }
  /** Whether next-themes really switched the page to dark before the dark axe run. */
  dark: boolean
  /** document scrollWidth at 375 px. */
  phoneWidth: number
  errors: string[]
}

function serious(found: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) {
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
}

const nextFrame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

/**
 * Crawls from the home page, following every same-origin link, and runs every per-page check during the one
 * visit: opening each page once per check is what made this file take minutes.
 */
async function crawl(page: Page) {
  const origin = new URL(env.server.url).origin
  const visits = new Map<string, Visit>()
  const files = new Set<string>()
  const broken: string[] = []
  let errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))

  const queue = ['/']
  while (queue.length) {
    const path = queue.shift()!
    if (visits.has(path)) continue
    errors = []
    await page.setViewportSize(DESKTOP)
    const res = await page.goto(path, { waitUntil: 'load' })
    // Past the load event, so that hydration (where React reports invalid HTML, error #418) has run.
    await page.waitForTimeout(400)
    const { hrefs, ids } = await page.evaluate(() => ({
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    }))
    const anchors = new Set<string>()
    for (const href of hrefs) {
      const url = new URL(href)
      if (url.origin !== origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/_next/')) continue
      // A file (a starter's .zip, a chart): it must be served, but it is no page to open or crawl.
      if (/\.[a-z0-9]+$/i.test(url.pathname)) {
        files.add(url.pathname)
        continue
      }
      if (url.hash) anchors.add(url.pathname + url.hash)
      if (!visits.has(url.pathname)) queue.push(url.pathname)
    }

    const light = serious((await new AxeBuilder({ page }).analyze()).violations)
    // Dark through next-themes' own path (the event it listens to when another tab changes the theme), plus the
    // media query; the stored choice stays light for the next page.
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.evaluate(() => window.dispatchEvent(new StorageEvent('storage', { key: 'theme', newValue: 'dark' })))
    const dark = await page
      .waitForFunction(() => document.documentElement.classList.contains('dark'), undefined, { timeout: 5_000 })
      .then(() => true, () => false)
    // Colours settle before they are measured: a colour transition still running (Nextra's sidebar links and
    // search field have `transition-colors`) gives axe a mid-way colour, and a contrast failure seen only sometimes.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
    // Dark changes colours, not the page: only the rules that read colours run again (half the time of all rules).
    const darkViolations = serious((await new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze()).violations)
    await page.emulateMedia({ colorScheme: 'light' })

    await page.setViewportSize(PHONE)
    await nextFrame(page)
    const phoneWidth = await page.evaluate(() => document.documentElement.scrollWidth)

    visits.set(path, {
      ids: new Set(ids),
      anchors,
      axe: { light, dark: darkViolations },
      dark,
      phoneWidth,
      errors: errors.map((e) => `${path}: ${e}`),
    })
    if (!res || res.status() >= 400) broken.push(`${path} → ${res?.status()}`)
  }
  for (const file of files) {
    const res = await fetch(new URL(file, env.server.url), { method: 'HEAD' })
    if (!res.ok) broken.push(`${file} → ${res.status}`)
  }
  return { visits, broken, files }
}

describe.skipIf(!hasBrowser)('the built site', () => {
  const site = {} as Awaited<ReturnType<typeof crawl>>
  beforeAll(async () => {
    const context = await localContext(env.browser, env.server.url, { viewport: DESKTOP, colorScheme: 'light' })
    // Not in the lab's sandboxed frames, which may not touch storage (and log an error when they try).
    await context.addInitScript(() => {
      if (window === window.top) localStorage.setItem('theme', 'light')
    })
    Object.assign(site, await crawl(await context.newPage()))
    await context.close()
  }, 300_000)

  it('has no broken internal link and no missing anchor', () => {
    const { visits, broken } = site
    // Every chapter of the guide's _meta (its separators, keyed "--…", are headings, not pages).
    expect([...visits.keys()].filter((p) => p.startsWith('/guide/')).length).toBe(Object.keys(chapters).filter((k) => !k.startsWith('--')).length)
    const missing: string[] = []
    for (const [from, { anchors }] of visits) {
      for (const target of anchors) {
        const [path, id] = target.split('#')
        if (id && !visits.get(path)?.ids.has(decodeURIComponent(id))) missing.push(`${from} → ${target}`)
      }
    }
    expect(broken).toEqual([])
    expect(missing).toEqual([])
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violation on any page (${scheme})`, () => {
      if (scheme === 'dark') {
        expect([...site.visits].filter(([, v]) => !v.dark).map(([p]) => p), 'pages that did not turn dark').toEqual([])
      }
      expect([...site.visits].flatMap(([path, v]) => v.axe[scheme].map((s) => `${path}: ${s}`))).toEqual([])
    })
  }

  it('does not scroll sideways at 375 px', () => {
    const wide = [...site.visits].filter(([, v]) => v.phoneWidth > PHONE.width).map(([p, v]) => `${p}: ${v.phoneWidth}px`)
    expect(wide).toEqual([])
  })

  it('logs no console error on any page, signed out and signed in (through the gate), at 1280 and at 375 px', async () => {
    const signedOut = [...site.visits.values()].flatMap((v) => v.errors)
    // Every page but the source files (static text that no session changes): on a phone the navbar's menu, the
    // session bar and the demo's panels render their phone layout; explore only opens past the gate.
    const pages = [...site.visits.keys()].filter((p) => !p.startsWith('/source/'))
    const outside = await localContext(env.browser, env.server.url, { viewport: PHONE })
    const signedOutPhone = await consoleErrorsOn(await outside.newPage(), pages)
    await outside.close()
    const context = await localContext(env.browser, env.server.url, { viewport: PHONE })
    const page = await context.newPage()
    await onboardedGuest(context)
    const signedInPages = new Set([...pages, '/lab', '/demo/onboarding', '/demo/explore', '/demo/attack'])
    const signedIn = await consoleErrorsOn(page, signedInPages)
    await page.setViewportSize(DESKTOP)
    const signedInWide = await consoleErrorsOn(page, signedInPages)
    expect({ signedOut, signedOutPhone, signedIn, signedInWide }).toEqual({ signedOut: [], signedOutPhone: [], signedIn: [], signedInWide: [] })
    await context.close()
  }, 300_000)

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
