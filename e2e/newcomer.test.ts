// The site as a newcomer walks it (issue 25), at a desktop and a phone width: one answer to "which should I use?",
// starters a reader can find and download, code blocks that read without sideways scrolling and whose titles are
// true, one site title. Each check failed on the site before issue 25.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { starterNames } from '../scripts/starters/zip.mjs'
import { search } from './support/search-box'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'
import { starterFileExists } from './support/starter-files'

const env = useServerAndBrowser()

const WIDTHS = [
  { name: '1280 px', viewport: { width: 1280, height: 900 } },
  { name: '375 px', viewport: { width: 375, height: 800 } },
]

/** Nextra's "next page" link at the foot of a chapter (the one with the arrow after its title). */
async function nextLink(page: Page) {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll('main a[title]')] as HTMLAnchorElement[]
    const next = links.find((a) => a.className.includes('_ml-auto'))
    return next ? new URL(next.href).pathname : null
  })
}

describe.skipIf(!hasBrowser)('a newcomer walking the site', () => {
  for (const { name, viewport } of WIDTHS) {
    describe(`at ${name}`, () => {
      it('gives one recommendation, word for word, on the home page, chapter 1, "How to choose" and the 404 page', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        const texts: string[] = []
        for (const path of ['/', '/guide/the-problem', '/guide/approaches', '/no-such-page']) {
          await page.goto(path)
          const rec = page.getByTestId('recommendation')
          expect(await rec.count(), path).toBe(1)
          texts.push((await rec.textContent()) ?? '')
        }
        expect(new Set(texts).size).toBe(1)
        expect(texts[0]).toMatch(/^Recommended: re-issue the session in the mutation's own response/)
        // The measured table under "How to choose" ranks every option the recommendation names, in its order.
        await page.goto('/guide/approaches')
        const rows = await page
          .getByRole('region', { name: 'From the mutation to the new cookie' })
          .locator('tbody tr td:first-child')
          .allTextContents()
        expect(rows.map((r) => r.replace(/\s+/g, ' ').replace(/’/g, "'"))).toEqual([
          "In the mutation's response (recommended)",
          'Mutation + built-in update() (the client-only alternative)',
          'Mutation + hardened pass-through',
          'Mutation + naive pass-through (never ship)',
        ])
        await ctx.close()
      })

      it('"Next" follows the recommendation: problem, one-request update, update(), comparison, then the lesson', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        const path = ['/guide/the-problem', '/guide/server-side-update', '/guide/built-in-update', '/guide/approaches', '/guide/pass-through']
        for (let i = 0; i < path.length - 1; i++) {
          await page.goto(path[i])
          expect(await nextLink(page), `next after ${path[i]}`).toBe(path[i + 1])
        }
        // The vulnerable pattern is announced as a lesson where it is reached.
        expect(await page.locator('a[title]', { hasText: 'The pass-through provider (lesson)' }).count()).toBeGreaterThan(0)
        await ctx.close()
      })

      it('the demo preselects the recommended strategy', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await page.goto('/demo?callbackUrl=%2Fdemo%2Fonboarding')
        await page.getByLabel('Display name').fill('Newcomer')
        await page.getByRole('button', { name: 'Continue as a guest' }).click()
        await page.waitForURL(/\/demo\/onboarding/)
        const checked = page.locator('input[name="strategy"]:checked')
        await checked.waitFor({ state: 'attached' })
        expect(await checked.getAttribute('value')).toBe('response')
        await ctx.close()
      })

      it('starters: in the navigation, a page listing every starter under starters/, downloads styled as links', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await page.goto('/')
        expect(await page.locator('a[href="/starters"]').count()).toBeGreaterThan(0)
        const res = await page.goto('/starters')
        expect(res?.status()).toBe(200)
        for (const [i, starter] of starterNames().entries()) {
          const link = page.locator(`main a[href="/downloads/${starter}.zip"]`)
          expect(await link.count(), starter).toBeGreaterThan(0)
          const zip = await ctx.request.get(`/downloads/${starter}.zip`)
          expect(zip.status()).toBe(200)
          expect((await zip.body()).subarray(0, 2).toString()).toBe('PK')
          // Browse: the list of its files opens, and a file opens.
          // Nextra's collapsible renders its content once opened: the starters' lists, in the page's order.
          const section = page.locator('main details').filter({ has: page.locator('summary', { hasText: /^Browse its \d+ files$/ }) }).nth(i)
          await section.locator('summary').click()
          const file = section.locator(`a[href="/source/starters/${starter}/package.json"]`)
          await file.waitFor()
          expect((await ctx.request.get(`/source/starters/${starter}/package.json`)).status()).toBe(200)
        }
        // Chapter 1 offers every starter, and its links look like links: underlined, not the body text's colour.
        await page.goto('/guide/the-problem')
        for (const [i, starter] of starterNames().entries()) {
          const link = page.locator(`main a[href="/downloads/${starter}.zip"]`).first()
          expect(await link.count(), starter).toBe(1)
          const style = await link.evaluate((a) => {
            const s = getComputedStyle(a)
            return { line: s.textDecorationLine, color: s.color, body: getComputedStyle(a.closest('p')!).color }
          })
          expect(style.line).toContain('underline')
          expect(style.color).not.toBe(style.body)
        }
        await ctx.close()
      })

      it('search finds the starters page for "starter", "zip", "download" and each library', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await page.goto('/guide/the-problem', { waitUntil: 'networkidle' })
        for (const query of ['starter', 'zip', 'download', 'Auth.js v5', 'next-auth v4']) {
          const hrefs = await search(page, query)
          // Nextra lists results grouped by page (a page's sections under its title): the starters page must be one of
          // the first three pages shown. (A chapter that names the library in each of its sections, "Other
          // libraries" for "next-auth v4", may come first with seven entries.)
          const pages = [...new Set(hrefs.map((h) => h.split('#')[0]))]
          expect(pages.slice(0, 3).some((h) => h.startsWith('/starters')), `${query}: ${hrefs.join(', ')}`).toBe(true)
        }
        await ctx.close()
      })

      it('code blocks: titles are starter paths or say "Snippet"; at 1280 px no block scrolls sideways', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await page.goto('/guide/the-problem')
        const chapters = await page.$$eval('aside a[href^="/guide/"]', (as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))])
        expect(chapters.length).toBeGreaterThan(10)
        const wide: string[] = []
        const untrue: string[] = []
        for (const chapter of chapters) {
          await page.goto(chapter)
          // Every version tab's blocks: both are in the page, one hidden.
          const blocks = await page.$$eval('main div.nextra-code', (divs) =>
            divs.map((d) => {
              const pre = d.querySelector('pre')!
              const title = d.querySelector(':scope > div > span')?.textContent ?? null
              const code = pre.textContent ?? ''
              return { title, code, visible: pre.getClientRects().length > 0, overflow: pre.scrollWidth - pre.clientWidth }
            }),
          )
          const seen = new Map<string, Set<string>>()
          for (const b of blocks) {
            if (b.visible && b.overflow > 1 && viewport.width >= 1280) wide.push(`${chapter}: ${b.title ?? '(untitled)'} by ${b.overflow} px`)
            if (!b.title) continue
            seen.set(b.title, (seen.get(b.title) ?? new Set()).add(b.code))
            if (!/^Snippet\b/.test(b.title) && !starterFileExists(b.title.replace(/ \(.*\)$/, ''))) untrue.push(`${chapter}: ${b.title}`)
          }
          // One file name, one content: two blocks with the same title show the same code.
          expect([...seen].filter(([, codes]) => codes.size > 1).map(([title]) => title), chapter).toEqual([])
        }
        expect(untrue).toEqual([])
        expect(wide).toEqual([])
        await ctx.close()
      }, 300_000)

      it('diagrams: no label runs over a lifeline; where a diagram scrolls, it says so', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        for (const chapter of ['/guide/pass-through', '/guide/built-in-update', '/guide/hardening', '/guide/server-side-update', '/guide/someone-else-changes']) {
          await page.goto(chapter)
          const figures = await page.$$eval('[data-testid="sequence-diagram"]', (figs) =>
            figs.map((fig) => {
              const svg = fig.querySelector('svg')!
              // Lifelines: the vertical lines. Labels: each message's text, measured in the SVG's own units.
              const lifelines = [...svg.querySelectorAll('line')]
                .filter((l) => l.x1.baseVal.value === l.x2.baseVal.value)
                .map((l) => l.x1.baseVal.value)
              const crossings = [...svg.querySelectorAll('g[data-phase] text')].flatMap((t) => {
                const box = (t as SVGTextElement).getBBox()
                return lifelines.filter((x) => x > box.x + 1 && x < box.x + box.width - 1).map((x) => `${t.textContent} over x=${x}`)
              })
              const scroller = svg.parentElement!
              const scrolls = scroller.scrollWidth > scroller.clientWidth + 1
              const cue = getComputedStyle(scroller, '::before').content
              return { crossings, scrolls, cue }
            }),
          )
          expect(figures.length, chapter).toBeGreaterThan(0)
          for (const f of figures) {
            expect(f.crossings, chapter).toEqual([])
            if (f.scrolls) expect(f.cue, chapter).toMatch(/Scroll sideways/)
          }
          if (viewport.width >= 1280) expect(figures.every((f) => !f.scrolls), chapter).toBe(true)
        }
        await ctx.close()
      })

      it('search: sentences keep their boundary in the excerpts', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        const index = await (await ctx.request.get('/_next/static/chunks/nextra-data-en-US.json')).json()
        // Two sentences of two paragraphs run together ("failure.Every") when paragraphs are joined without a space.
        const runTogether = Object.values(index as Record<string, { data: Record<string, string> }>)
          .flatMap((p) => Object.values(p.data))
          // A whole lowercase word before the dot: code such as Better Auth's `auth.$Infer.Session` is not a sentence.
          .flatMap((text) => text.match(/(?<![A-Za-z$])[a-z]{3,}[.:][A-Z][a-z]+/g) ?? [])
        expect(runTogether).toEqual([])
        await page.goto('/')
        await ctx.close()
      })

      it('the home page is titled once: "Session Update Lab"', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await page.goto('/')
        expect(await page.title()).toBe('Session Update Lab')
        await page.goto('/starters')
        expect(await page.title()).toBe('Starters – Session Update Lab')
        await ctx.close()
      })
    })
  }
})
