// Why the site's pages block longer than a bare Nextra page in Lighthouse (issue 26, README "Page speed", fourth
// round): its Cross-Origin-Opener-Policy makes Chromium load a page coming from about:blank, where Lighthouse
// starts, in a new renderer process, while a page without the header reuses the tab's. A reader who follows a link
// from another site gets a new process either way. If the site lost the header, its first test would fail; if
// Chromium stopped swapping, the README's explanation would no longer hold and this file would say so.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadsInNewRenderer, otherSite } from '../bench/lib/renderer-swap'
import { hasBrowser } from './support/browser'
import { useServerAndBrowser } from './support/suite'

describe.skipIf(!hasBrowser)('renderer processes: the cost Lighthouse counts for Cross-Origin-Opener-Policy', () => {
  const env = useServerAndBrowser()
  // A page with no headers to speak of: the control.
  let plain: Server, plainUrl: string
  beforeAll(async () => {
    plain = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>plain</title><p>plain'))
    await new Promise<void>((done) => plain.listen(0, done))
    plainUrl = `http://localhost:${(plain.address() as AddressInfo).port}/`
  })
  afterAll(() => new Promise<void>((done) => plain.close(() => done())))

  it('the site sends COOP same-origin, and from about:blank Chromium loads it in a new renderer process', async () => {
    const url = `${env.server.url}/`
    expect((await fetch(url)).headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(await loadsInNewRenderer(env.browser, 'about:blank', url)).toBe(true)
  })

  it('a page without COOP, from about:blank, stays in the renderer the tab already had', async () => {
    expect((await fetch(plainUrl)).headers.get('cross-origin-opener-policy')).toBeNull()
    expect(await loadsInNewRenderer(env.browser, 'about:blank', plainUrl)).toBe(false)
  })

  it('from a page of another site, both get a new renderer process: a reader following a link pays it either way', async () => {
    expect(await loadsInNewRenderer(env.browser, otherSite(plainUrl), plainUrl)).toBe(true)
    expect(await loadsInNewRenderer(env.browser, otherSite(`${env.server.url}/`), `${env.server.url}/`)).toBe(true)
  })
})
