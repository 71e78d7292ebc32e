// The Better Auth chapter's table (components/StartersBench) shows the figures of bench/results/starters.json, the
// checked-in run of `npm run bench:starters`: each cell is read from that file, none typed into the page.
import { readFileSync } from 'node:fs'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { StartersBench } from '../../components/StartersBench'
import { COLUMNS, revocationCell, type StartersRun } from '../../components/StartersBench/rows'

const run = JSON.parse(readFileSync('bench/results/starters.json', 'utf8')) as StartersRun
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ')

describe('the starters bench table', () => {
  it('renders every figure of the checked-in run, in its starter’s column', () => {
    const html = renderToStaticMarkup(createElement(StartersBench))
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!).trim()))
    const column = (title: string) => rows[0]!.indexOf(title)
    const row = (label: RegExp) => rows.find((r) => label.test(r[0]!))!
    for (const { name, title } of COLUMNS) {
      const s = run.starters[name]
      const at = column(title)
      expect(at, title).toBeGreaterThan(0)
      expect(row(/^Requests per update/)[at]).toBe(String(s.requestsPerUpdate))
      expect(row(/reads \+ writes during the update/)[at]).toBe(`${s.updateReads} + ${s.updateWrites}`)
      expect(row(/per gated navigation/)[at]).toBe(`${s.gateReadsWarm} / ${s.gateReadsCold}`)
      expect(row(/cookie bytes/)[at]).toBe(String(s.cookieBytes))
      expect(row(/^Mutation start/)[at]).toBe(`${s.mutationToGateMs} (${s.ratioToV5!.toFixed(2)}×)`)
      expect(row(/^Another device/)[at]).toBe(revocationCell(s.revocation))
      expect(row(/^Lines of auth code/)[at]).toBe(String(s.authCodeLines.total))
    }
    expect(text(html)).toContain(`${run.rttMs} ms`)
    expect(text(html)).toContain(`${run.runs} updates per starter`)
  })

  it('follows the data it is given, so a new run changes the page', () => {
    const changed: StartersRun = structuredClone(run)
    changed.starters['better-auth'].cookieBytes = 12345
    expect(renderToStaticMarkup(createElement(StartersBench, { data: changed }))).toContain('<td data-label="Better Auth">12345</td>')
  })
})
