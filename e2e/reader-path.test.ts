// The reader's path through the site, as a new reader walks it: each stumble the guide's review found, in Chromium.
import { describe, expect, it } from 'vitest'
import { hasBrowser, localContext } from './support/browser'
import { onboardedGuest } from './support/guest'
import { useServerAndBrowser } from './support/suite'

const env = useServerAndBrowser()

const context = (options: Parameters<typeof localContext>[2] = {}) => localContext(env.browser, env.server.url, options)

describe.skipIf(!hasBrowser)("the reader's path", () => {
  it('the chapters run problem, one-request update, built-in update, comparison, then the pass-through lesson', async () => {
    const ctx = await context()
    const page = await ctx.newPage()
    await page.goto('/guide/the-problem')
    const order = await page.$$eval('aside a[href^="/guide/"]', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
    const at = (p: string) => order.indexOf(p)
    // The order of the recommendation (components/Recommendation), then the popular trick as a lesson.
    expect(at('/guide/the-problem')).toBe(0)
    expect(at('/guide/server-side-update')).toBeLessThan(at('/guide/built-in-update'))
    expect(at('/guide/built-in-update')).toBeLessThan(at('/guide/approaches'))
    expect(at('/guide/approaches')).toBeLessThan(at('/guide/pass-through'))
    expect(at('/guide/pass-through')).toBeLessThan(at('/guide/the-attack'))
    expect(at('/guide/the-attack')).toBeLessThan(at('/guide/hardening'))
    expect(at('/guide/hardening')).toBeLessThan(at('/guide/middleware'))
    // The first chapter names and links the source article, and gives the recommendation once.
    expect(await page.locator('a[href="https://raulcano.dev/posts/update-nextauth-token"]').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('recommendation').count()).toBe(1)
    await ctx.close()
  })

  it('/guide leads to the first chapter, and an unknown page has the theme, the navigation and a way on', async () => {
    const ctx = await context()
    const page = await ctx.newPage()
    const res = await page.goto('/guide')
    expect(res?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/guide/the-problem')

    const missing = await page.goto('/guide/no-such-chapter')
    expect(missing?.status()).toBe(404)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    expect(await page.locator('nav a[href="/guide/the-problem"], nav a[href="/guide"]').count()).toBeGreaterThan(0)
    expect(await page.locator('main a[href="/guide/server-side-update"]').count()).toBeGreaterThan(0)
    await ctx.close()
  })

  it('searching for unstable_update finds the chapter that explains it', async () => {
    const ctx = await context()
    // A slow network: the index takes a second and a half, so the query is always typed while it loads.
    await ctx.route(/\/nextra-data-[\w-]+\.json$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500))
      await route.continue()
    })
    const page = await ctx.newPage()
    await page.goto('/guide/the-problem', { waitUntil: 'networkidle' })
    const box = page.locator('input[type="search"]:visible').first()
    // Typed at once, as a reader does: Nextra 3.3 dropped a query typed while its index loaded;
    // components/Search ranks the query typed so far once the index is there.
    await box.click()
    await box.pressSequentially('unstable_update')
    // Nextra's results are the combobox's options; the one for the chapter's section leads there.
    // Two chapters explain it (built-in update: `v5 on the server`; server-side update: the one-request update).
    const hit = page.getByRole('option').filter({ hasText: /unstable_update/ }).first()
    await hit.click()
    await page.waitForURL(/\/guide\/(built-in-update|server-side-update)/)
    await ctx.close()
  })

  it('each strategy chapter opens with its sequence diagram, in the HTML the server sends', async () => {
    for (const chapter of ['pass-through', 'hardening', 'built-in-update']) {
      const html = await (await fetch(`${env.server.url}/guide/${chapter}`)).text()
      const figure = html.indexOf('data-testid="sequence-diagram"')
      expect(figure, chapter).toBeGreaterThan(0)
      expect(html.slice(figure, figure + 4000)).toMatch(/<svg[^>]*viewBox/)
    }
  })

  it('the comparison fits without sideways scrolling: its key columns at 1280 px, stacked by row at 375 px', async () => {
    const wide = await context({ viewport: { width: 1280, height: 900 } })
    let page = await wide.newPage()
    await page.goto('/guide/approaches')
    // exact: the comparison is two tables, the second's name starts with the first's.
    const region = page.getByRole('region', { name: 'The approaches compared', exact: true })
    const regionBox = (await region.boundingBox())!
    for (const name of ['Approach', 'Trusts client data?', 'Requests from the browser', 'Database reads']) {
      const header = (await region.getByRole('columnheader', { name }).boundingBox())!
      expect(header.x + header.width, name).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1)
    }
    await wide.close()

    // On a phone each row is a card, each value under its column's name (mdx/table-labels.mjs): nothing scrolls.
    const narrow = await context({ viewport: { width: 375, height: 800 } })
    page = await narrow.newPage()
    await page.goto('/guide/approaches')
    const phone = page.getByRole('region', { name: 'The approaches compared', exact: true })
    expect(await phone.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1)
    const cell = phone.locator('td').nth(1)
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Trusts client data?"')
    await narrow.close()
  })

  it('at 375 px the token diff keeps its "after" column and its whole caption on screen', async () => {
    const narrow = await context({ viewport: { width: 375, height: 800 } })
    const page = await onboardedGuest(narrow)
    await page.goto('/demo/explore')
    const after = page.getByTestId('diff-after').first()
    await after.waitFor()
    const box = (await after.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(375)
    expect(await after.textContent()).toContain('COMPLETED')
    const caption = page.getByTestId('token-diff').locator('caption')
    const cbox = (await caption.boundingBox())!
    expect(cbox.x + cbox.width).toBeLessThanOrEqual(375)
    expect(await caption.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
    await narrow.close()
  })

  it("the demo's update report draws the reader's own requests as the guide's diagram", async () => {
    const ctx = await context()
    const page = await onboardedGuest(ctx)
    const requests = Number(await page.getByTestId('cost-requests').textContent())
    const diagram = page.getByTestId('update-report').getByTestId('sequence-diagram')
    // Every recorded request is an update-phase arrow from the browser, plus the mutation and the gated page.
    const label = (await diagram.locator('svg').getAttribute('aria-label')) ?? ''
    expect(label.match(/Browser to Next\.js server: (GET|POST) \/api\/auth\//g)?.length).toBe(requests)
    expect(label).toContain('POST /api/demo/onboarding/complete')
    expect(label).toContain('GET /demo/explore')
    await ctx.close()
  })
})
