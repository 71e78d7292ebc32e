// The site's search order (components/Search/rank.ts) on the real index: tests/unit/fixtures/nextra-data-en-US.json
// is the `nextra-data-en-US.json` a build of this site wrote (copy a fresh one from .next/static/chunks/ after a
// rebuild changes the chapters), and the H1s come from pages/ as the build reads them.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rank } from '@/components/Search/rank'
import { toSections, type NextraSearchData } from '@/components/Search/sections'
import { pageHeadings } from '../../mdx/page-headings.mjs'

const index: NextraSearchData = JSON.parse(readFileSync(new URL('./fixtures/nextra-data-en-US.json', import.meta.url), 'utf8'))
const sections = toSections(index, pageHeadings('pages'))
const top = (query: string) => rank(sections, query)[0]?.url

describe('search ranking on the site index', () => {
  it.each([
    ['update()', '/guide/built-in-update'],
    ['starter', '/starters'],
    ['better auth', '/guide/beyond-next-auth'],
    ['proxy.ts', '/guide/middleware'],
    ['Troubleshooting', '/guide/troubleshooting'],
  ])('%s: the page whose title holds it comes first', (query, url) => {
    expect(top(query)).toBe(url)
  })

  it.each(['zip', 'download'])('%s: the starters page comes first (no title holds it; its text says it most)', (query) => {
    expect(top(query)?.split('#')[0]).toBe('/starters')
  })

  it('a heading that holds the query ranks above a passing mention, below the title', () => {
    const results = rank(sections, 'update()')
    const heading = results.findIndex((r) => r.url === '/guide/troubleshooting#update-does-nothing')
    expect(heading).toBeGreaterThan(0)
    expect(results.slice(heading + 1).every((r) => r.match !== 'title')).toBe(true)
    expect(results.slice(0, heading).every((r) => r.match !== 'body')).toBe(true)
  })

  it('the H1 is findable where it says more than the sidebar title', () => {
    // "The problem" in the sidebar; "The problem: the token does not know the user finished onboarding" on the page.
    expect(top('token does not know')).toBe('/guide/the-problem')
  })

  it.each(['update()', 'starter', 'zip', 'download', 'better auth', 'proxy.ts', 'session'])('%s: no entry twice, at most three per page', (query) => {
    const results = rank(sections, query)
    expect(results.length).toBeGreaterThan(0)
    expect(new Set(results.map((r) => r.url)).size).toBe(results.length)
    const perPage = new Map<string, number>()
    for (const r of results) perPage.set(r.url.split('#')[0], (perPage.get(r.url.split('#')[0]) ?? 0) + 1)
    expect(Math.max(...perPage.values())).toBeLessThanOrEqual(3)
  })

  it('excerpts keep sentence boundaries and show the mention', () => {
    for (const r of rank(sections, 'cookie')) {
      expect(r.excerpt).not.toMatch(/[a-z]{3,}[.:][A-Z][a-z]+/)
      if (r.match === 'body') expect(r.excerpt.toLowerCase()).toContain('cookie')
    }
  })

  it('an empty query finds nothing; a query in no page finds nothing', () => {
    expect(rank(sections, '   ')).toEqual([])
    expect(rank(sections, 'qwertyuiopasdf')).toEqual([])
  })
})

describe('search ranking on a small index', () => {
  const small = toSections({
    '/a': { title: 'Mentions', data: { '': 'update() is mentioned here, and update() again.', 'x#More on update()': 'Text.' } },
    '/b': { title: 'The built-in update()', data: { '': 'Opening text.' } },
    '/c': { title: 'Troubleshooting', data: { 'update-does-nothing#update() does nothing': 'Check it.' } },
    '/source/[...path]': { title: 'Source file', data: {} },
  })

  it('title > heading > body, whatever the index order', () => {
    expect(rank(small, 'update()').map((r) => [r.url, r.match])).toEqual([
      ['/b', 'title'],
      ['/a#x', 'heading'],
      ['/c#update-does-nothing', 'heading'],
      ['/a', 'body'],
    ])
  })

  it('skips dynamic route templates', () => {
    expect(rank(small, 'source')).toEqual([])
  })
})
