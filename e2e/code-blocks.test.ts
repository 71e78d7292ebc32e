// The guide's code blocks are page data (mdx/code-as-page-data.mjs) and its version tabs are the site's own
// (components/VersionTabs): what a reader does with them, in Chromium, on the production build.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { routeWeights, type RouteWeight } from '../bench/lib/page-weight'
import { assertCurrentBuild } from '../tests/support/server'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'

const ROOT = resolve(__dirname, '..')
const TICKET_V4 = readFileSync(join(ROOT, 'starters/next-auth-v4/lib/ticket.ts'), 'utf8')
const TICKET_V5 = readFileSync(join(ROOT, 'starters/authjs-v5/src/server/ticket.ts'), 'utf8')
/** Shiki writes empty lines as one space (as Nextra does), and code fences drop the file's last newline. */
const asShown = (text: string) => text.replace(/^ $/gm, '').replace(/\n$/, '')
/** The chapter with the most code: its blocks were 171 KB of its __NEXT_DATA__ before issue 26. */
const CODE_HEAVY = '/guide/server-side-update'
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
/** A block's text as the reader sees it: its HTML without tags, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (_, hex, dec, name) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITIES[name]))
const nextDataOf = (html: string) => JSON.parse(/<script id="__NEXT_DATA__" type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1])

describe('page weight of the production build', () => {
  let weights: RouteWeight[], lightest: RouteWeight, chapters: RouteWeight[]
  beforeAll(() => {
    assertCurrentBuild()
    weights = routeWeights(join(ROOT, '.next'))
    lightest = weights.find((w) => w.sitePage && !w.route.includes('['))!
    chapters = weights.filter((w) => w.route.startsWith('/guide/') && w.sitePage)
  })

  it('every chapter loads at most 1.05 times the JavaScript of the lightest page', () => {
    expect(chapters.length).toBeGreaterThan(10)
    const over = chapters
      .filter((w) => w.gzipBytes > lightest.gzipBytes * 1.05)
      .map((w) => `${w.route}: ${(w.gzipBytes / lightest.gzipBytes).toFixed(3)}× ${lightest.route}`)
    expect(over).toEqual([])
  })

  it('no page carries highlighted code in its JavaScript: the code blocks are its data', () => {
    const withTokens = weights.filter((w) =>
      w.files.some((file) => readFileSync(join(ROOT, '.next', file), 'utf8').includes('--shiki-light')),
    )
    expect(withTokens.map((w) => w.route)).toEqual([])
  })
})

describe.skipIf(!hasBrowser)('code blocks and version tabs in the browser', () => {
  const env = useServerAndBrowser()

  it("shows a chapter's code after a client-side navigation (its data fetched), and copies the file as it is", async () => {
    const context = await localContext(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('/guide/the-problem', { waitUntil: 'load' })
    const data = page.waitForResponse((r) => r.url().includes('/_next/data/') && r.url().endsWith('/guide/hardening.json'))
    await page.locator('nav a[href="/guide/hardening"], aside a[href="/guide/hardening"]').first().click()
    await page.waitForURL(/\/guide\/hardening$/)
    expect((await data).status()).toBe(200)
    const firstBlock = page.getByRole('tabpanel').first().locator('pre code').first()
    await expect.poll(async () => asShown((await firstBlock.textContent()) ?? '')).toBe(asShown(TICKET_V4))
    await firstBlock.hover()
    await page.getByRole('tabpanel').first().getByRole('button', { name: /copy/i }).first().click()
    expect(asShown(await page.evaluate(() => navigator.clipboard.readText()))).toBe(asShown(TICKET_V4))
    expect(errors).toEqual([])
    await context.close()
  })

  it("sends a chapter's code once on first load: in the HTML, not again in __NEXT_DATA__; the page's .json keeps it", async () => {
    const html = await (await fetch(env.server.url + CODE_HEAVY)).text()
    const nextData = nextDataOf(html)
    expect(nextData.props.pageProps).not.toHaveProperty('staticCode')
    const data = await (await fetch(`${env.server.url}/_next/data/${nextData.buildId}${CODE_HEAVY}.json`)).json()
    const blocks = Object.entries(data.pageProps.staticCode as Record<string, string>)
    expect(blocks.length).toBeGreaterThan(10)
    // Every block is in the server-rendered HTML (hidden version tabs' too), marked with its id for the first render
    // to find. (v4 and v5 may show the same file: the same HTML under two ids.)
    for (const [id, block] of blocks) {
      expect(html.includes(block), id).toBe(true)
      expect(html.split(`data-static-code="${id}"`).length - 1, id).toBe(1)
    }
  })

  it('keeps the code through hydration on first load, and after leaving the page and coming back; no console error', async () => {
    const context = await localContext(env.browser, env.server.url)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    const html = await (await fetch(env.server.url + CODE_HEAVY)).text()
    const data = await (await fetch(`${env.server.url}/_next/data/${nextDataOf(html).buildId}${CODE_HEAVY}.json`)).json()
    const expected = Object.fromEntries(Object.entries(data.pageProps.staticCode as Record<string, string>).map(([id, block]) => [id, textOf(block)]))
    const shown = () =>
      page.locator('code[data-static-code]').evaluateAll((codes) => Object.fromEntries(codes.map((c) => [c.getAttribute('data-static-code'), c.textContent])))

    await page.goto(CODE_HEAVY, { waitUntil: 'load' })
    // Hydrated: a version tab answers a click (React's handler), and every block still holds its code.
    await page.getByRole('tab', { name: /Auth\.js v5/ }).first().click()
    await expect.poll(() => page.getByRole('tab', { selected: true }).first().textContent()).toMatch(/Auth\.js v5/)
    expect(await shown()).toEqual(expected)
    // Find-in-page (window.find, Chromium's) finds the longest line of the first block the reader sees.
    const visibleId = await page.locator('code[data-static-code]:visible').first().getAttribute('data-static-code')
    const line = expected[visibleId!]!.split('\n').reduce((a, b) => (b.trim().length > a.trim().length ? b : a)).trim()
    expect(await page.evaluate((text) => (window as unknown as { find(t: string): boolean }).find(text), line)).toBe(true)

    await page.locator('nav a[href="/guide/the-problem"], aside a[href="/guide/the-problem"]').first().click()
    await page.waitForURL(/\/guide\/the-problem$/)
    await page.goBack()
    await page.waitForURL(new RegExp(`${CODE_HEAVY}$`))
    await expect.poll(shown).toEqual(expected)
    expect(errors).toEqual([])
    await context.close()
  })

  it('tabs follow the keyboard (arrows, Home, End) and every tab set of the page follows the choice', async () => {
    const context = await localContext(env.browser, env.server.url)
    const page = await context.newPage()
    await page.goto('/guide/hardening', { waitUntil: 'load' })
    const selected = () => page.getByRole('tab', { selected: true }).allTextContents()
    const sets = await page.getByRole('tablist').count()
    expect(sets).toBeGreaterThan(2)
    await page.getByRole('tab', { selected: true }).first().focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(selected).toEqual(Array(sets).fill('Auth.js v5 (next-auth@beta)'))
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true')
    // The visible panel is v5's, its code the v5 starter's file; v4's panel stays in the page, hidden.
    await expect.poll(async () => asShown((await page.getByRole('tabpanel').first().locator('pre code').first().textContent()) ?? '')).toBe(asShown(TICKET_V5))
    expect(await page.locator('[role="tabpanel"][hidden]').count()).toBe(sets)
    await page.keyboard.press('Home')
    await expect.poll(selected).toEqual(Array(sets).fill('next-auth v4'))
    await page.keyboard.press('End')
    await expect.poll(selected).toEqual(Array(sets).fill('Auth.js v5 (next-auth@beta)'))
    await page.keyboard.press('ArrowLeft')
    await expect.poll(selected).toEqual(Array(sets).fill('next-auth v4'))
    // Only the selected tab is in the tab order (roving tabindex).
    expect(await page.getByRole('tablist').first().locator('[role="tab"][tabindex="0"]').count()).toBe(1)
    await context.close()
  })
  it('at 375 px both version tabs show whole, without scrolling the tab row, and break only between label parts', async () => {
    const context = await localContext(env.browser, env.server.url, { viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    await page.goto('/guide/hardening', { waitUntil: 'load' })
    const rows = await page.getByRole('tablist').evaluateAll((lists) =>
      lists.map((list) => ({
        scrolls: list.scrollWidth > list.clientWidth,
        // A part that wrapped has one client rect per line.
        parts: [...list.querySelectorAll('[role="tab"] span')].map((s) => {
          const r = (s as HTMLElement).getClientRects()
          return `${s.textContent}: ${r.length} line${r.length === 1 ? '' : 's'}`
        }),
      })),
    )
    expect(rows.length).toBeGreaterThan(2)
    for (const row of rows) {
      expect(row).toEqual({ scrolls: false, parts: ['next-auth v4: 1 line', 'Auth.js v5: 1 line', '(next-auth@beta): 1 line'] })
    }
    await context.close()
  })
})
