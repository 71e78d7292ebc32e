// Security headers on every kind of route of the production build: pages, an API route, static files, and the
// token lab's sandbox document with its own policy. Every inline script a page runs must be allowed by hash.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { securityHeaders, sitePolicy } from '@/security/headers.mjs'
import { startServer, type TestServer } from '../support/server'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop({ clean: true }))

/** A CSP header as directive → sources. */
function parse(csp: string | null): Record<string, string[]> {
  expect(csp, 'Content-Security-Policy header').toBeTruthy()
  return Object.fromEntries(
    csp!.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

const get = (path: string) => fetch(server.url + path, { redirect: 'manual' })

function expectSitePolicy(res: Response) {
  const csp = parse(res.headers.get('content-security-policy'))
  expect(csp['default-src']).toEqual(["'self'"])
  expect(csp['script-src']).toContain("'self'")
  expect(csp['script-src']).not.toContain("'unsafe-eval'")
  expect(csp['script-src']).not.toContain("'unsafe-inline'")
  // No third-party origin anywhere: only keywords, hashes and data: for images.
  for (const sources of Object.values(csp)) for (const s of sources) expect(s).toMatch(/^('[\w-]+'|'sha256-[\w+/=]+'|data:)$/)
  expect(csp['frame-ancestors']).toEqual(["'none'"])
  expect(csp['object-src']).toEqual(["'none'"])
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(res.headers.get('permissions-policy')).toContain('camera=()')
  // The public URL of the test server is http: no HSTS (see the unit case below for https).
  expect(res.headers.get('strict-transport-security')).toBeNull()
  return csp
}

describe('security headers', () => {
  for (const path of ['/', '/guide/the-problem', '/demo', '/lab', '/demo/explore', '/no-such-page']) {
    test(`page ${path}: the site policy, and every inline script it runs allowed by hash`, async () => {
      const res = await get(path)
      const csp = expectSitePolicy(res)
      if (res.status >= 300 && res.status < 400) return // the gate's redirect: no document
      const html = await res.text()
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
        // Data blocks (type="application/json", __NEXT_DATA__) never run: CSP does not apply to them.
        .filter(([, attrs]) => !/type="application\/json"/.test(attrs))
        .map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`)
      if (res.status === 200) expect(inline.length).toBeGreaterThan(0) // the bare 404 page has no Nextra layout
      for (const hash of inline) expect(csp['script-src']).toContain(hash)
    })
  }

  test('an API route and static files carry the headers too', async () => {
    for (const path of ['/api/demo/token', '/api/auth/csrf', '/favicon.ico']) expectSitePolicy(await get(path))
    const html = await (await get('/lab')).text()
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]
    expectSitePolicy(await get(chunk))
  })

  test("the lab's sandbox: its own policy, eval for the reader's code, no network, framed by this site only", async () => {
    const res = await get('/lab-sandbox.html')
    expect(res.status).toBe(200)
    const csp = parse(res.headers.get('content-security-policy'))
    expect(csp['connect-src']).toEqual(["'none'"])
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp['worker-src']).toEqual(['data:'])
    expect(csp['script-src']).toContain("'unsafe-eval'")
    expect(csp['script-src']).not.toContain("'self'")
    expect(csp['frame-ancestors']).toEqual(["'self'"])
    expect(csp.sandbox).toEqual(['allow-scripts'])
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const script = /<script>([\s\S]*?)<\/script>/.exec(await res.text())![1]
    expect(csp['script-src']).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`)
  })

  test("the sandbox's policy on every spelling of its path the server serves it under (issue 22: /%6cab-sandbox.html)", async () => {
    const body = await (await get('/lab-sandbox.html')).text()
    for (const path of ['/%6cab-sandbox.html', '/%6Cab-sandbox.html', '/lab%2dsandbox.html', '/lab-sandbox%2Ehtml', '/%6c%61%62%2d%73%61%6e%64%62%6f%78%2e%68%74%6d%6c']) {
      const res = await get(path)
      // Whatever the server answers for it, it never serves the sandbox document under the site's policy.
      if (res.status === 200 && (await res.clone().text()) === body) {
        const csp = parse(res.headers.get('content-security-policy'))
        expect(csp.sandbox, path).toEqual(['allow-scripts'])
        expect(csp['connect-src'], path).toEqual(["'none'"])
        expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      } else expect(res.headers.get('content-security-policy'), `${path} ${res.status}`).not.toContain("'unsafe-eval'")
    }
    // The spelling the review found is served: the check above is not vacuous.
    expect((await get('/%6cab-sandbox.html')).status).toBe(200)
  })

  test('the build-time headers leave HSTS and upgrade-insecure-requests to middleware.ts (they follow the run-time URL)', () => {
    for (const rule of securityHeaders()) {
      expect(rule.headers.find((h: { key: string }) => h.key === 'Strict-Transport-Security')).toBeUndefined()
      expect(rule.headers.find((h: { key: string }) => h.key === 'Content-Security-Policy')?.value).not.toContain('upgrade-insecure-requests')
    }
    expect(sitePolicy({ https: true })).toBe(`${sitePolicy()}; upgrade-insecure-requests`)
  })
})
