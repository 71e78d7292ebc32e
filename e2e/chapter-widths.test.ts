// Every table and sequence diagram on every chapter fits its column (issue 23 item 5): at 1280 px nothing scrolls
// sideways; at 375 px no table does (Markdown tables stack, mdx/table-labels.mjs), and a diagram, which keeps a
// readable minimum width, scrolls only with its "Scroll sideways" cue. Before: four tables wider than their column
// at 1280 px (approaches "Approach" by 433 px, "Strategy" by 158 px; server-side-update; someone-else-changes).
import { describe, expect, it } from 'vitest'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'

const env = useServerAndBrowser()

const WIDTHS = [
  { name: '1280 px', viewport: { width: 1280, height: 900 } },
  { name: '375 px', viewport: { width: 375, height: 800 } },
]

type Box = { kind: 'table' | 'diagram'; label: string; overflow: number; cue: string }

describe.skipIf(!hasBrowser)('tables and diagrams fit their column', () => {
  for (const { name, viewport } of WIDTHS) {
    it(`at ${name}`, async () => {
      const ctx = await localContext(env.browser, env.server.url, { viewport })
      const page = await ctx.newPage()
      await page.goto('/guide/the-problem')
      // The chapters, from the sidebar (in the page at both widths), plus the starters page.
      const chapters = await page.$$eval('aside a[href^="/guide/"]', (as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))])
      expect(chapters.length).toBeGreaterThan(10)
      const wide: string[] = []
      let measured = 0
      for (const chapter of [...chapters, '/starters']) {
        await page.goto(chapter)
        const boxes: Box[] = await page.$$eval('main table, main [data-testid="sequence-diagram"]', (els) =>
          els
            .filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden], [aria-hidden="true"]'))
            .map((el) => {
              const diagram = el.matches('[data-testid="sequence-diagram"]')
              // A table scrolls itself (Nextra draws it display: block) or inside a .table-scroll region; a diagram
              // inside the div around its SVG. Take the widest overflow of the element and of the ancestors that
              // scroll it, up to the article.
              const scrollers: Element[] = diagram ? [el.querySelector('svg')!.parentElement!] : [el]
              for (let p = el.parentElement; p && p.tagName !== 'MAIN'; p = p.parentElement) {
                if (/auto|scroll/.test(getComputedStyle(p).overflowX)) scrollers.push(p)
              }
              const overflow = Math.max(...scrollers.map((s) => s.scrollWidth - s.clientWidth))
              const label = diagram
                ? el.querySelector('figcaption')?.textContent ?? 'diagram'
                : [...el.querySelectorAll('th')].map((th) => th.textContent).slice(0, 2).join(' | ')
              const cue = diagram ? getComputedStyle(el.querySelector('svg')!.parentElement!, '::before').content : ''
              return { kind: diagram ? 'diagram' : 'table', label, overflow, cue } as const
            }),
        )
        measured += boxes.length
        for (const b of boxes) {
          if (b.overflow <= 1) continue
          // At a phone's width a diagram may scroll, if it says so.
          if (viewport.width < 1280 && b.kind === 'diagram' && /Scroll sideways/.test(b.cue)) continue
          wide.push(`${chapter}: ${b.kind} "${b.label.slice(0, 60)}" by ${b.overflow} px`)
        }
      }
      expect(measured).toBeGreaterThanOrEqual(8)
      expect(wide).toEqual([])
      await ctx.close()
    }, 300_000)
  }
})
