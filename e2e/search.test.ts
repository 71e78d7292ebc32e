// The site's search (components/Search, issue 25 item 7) as a reader uses it, at a desktop and a phone width: the
// chapter whose title holds the query comes first, no entry twice. On Nextra 3.3's own search `update()` listed
// Troubleshooting first (the update() chapter outside the top 12) and some headings twice.
import { describe, expect, it } from 'vitest'
import { search } from './support/search-box'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'

const env = useServerAndBrowser()

const WIDTHS = [
  { name: '1280 px', viewport: { width: 1280, height: 900 } },
  { name: '375 px', viewport: { width: 375, height: 800 } },
]

// The query, and the page its first result must lead to: the page whose title (or H1) holds it; for "zip" and
// "download", which no title holds, the starters page (issue 25: starters found by search).
const QUERIES: [string, string][] = [
  ['update()', '/guide/built-in-update'],
  ['starter', '/starters'],
  ['zip', '/starters'],
  ['download', '/starters'],
  ['better auth', '/guide/better-auth'],
  ['proxy.ts', '/guide/middleware'],
]

describe.skipIf(!hasBrowser)('search', () => {
  for (const { name, viewport } of WIDTHS) {
    describe(`at ${name}`, () => {
      it('puts the chapter whose title holds the query first, and lists no entry twice', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await page.goto('/guide/the-problem', { waitUntil: 'networkidle' })
        const wrong: string[] = []
        for (const [query, first] of QUERIES) {
          const hrefs = await search(page, query)
          if (hrefs[0]?.split('#')[0] !== first) wrong.push(`${query}: ${hrefs.slice(0, 4).join(', ')}`)
          expect(hrefs.length, query).toBe(new Set(hrefs).size)
          // Each option says what it is once: a heading is not shown again as its own excerpt.
          const texts = await page.getByRole('option').allTextContents()
          expect(texts.length, query).toBe(new Set(texts).size)
        }
        expect(wrong).toEqual([])
        await ctx.close()
      })

      it('opens the chosen result with the keyboard', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await page.goto('/guide/the-problem', { waitUntil: 'networkidle' })
        await search(page, 'update()')
        await page.keyboard.press('ArrowDown')
        // headlessui marks the option the arrows reach with data-focus; Enter opens that one.
        const focused = await page.locator('[role="option"][data-focus]').getAttribute('href')
        expect(focused).toMatch(/^\/guide\//)
        await page.keyboard.press('Enter')
        await page.waitForURL((url) => url.pathname + url.hash === focused)
        await ctx.close()
      })
    })
  }

  it('"/" and Ctrl-K focus the search box at 1280 px', async () => {
    const ctx = await localContext(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } })
    const page = await ctx.newPage()
    await page.goto('/guide/the-problem', { waitUntil: 'networkidle' })
    for (const keys of ['/', 'Control+k']) {
      await page.locator('main h1').click()
      await page.keyboard.press(keys)
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type), keys).toBe('search')
    }
    await ctx.close()
  })
})
