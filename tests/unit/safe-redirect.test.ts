// Finding 1, fast: the one same-origin check (demo/safe-redirect.ts) and next-auth's redirect callback that uses it.
// The browser version (what Chromium really does with the result): e2e/security.test.ts ("open redirect through callbackUrl").
import { afterEach, describe, expect, it } from 'vitest'
import { authOptions } from '@/demo/auth-options'
import { callbackUrlFromAddressBar, safeCallbackUrl, safeRedirect } from '@/demo/safe-redirect'

const ORIGIN = 'http://localhost:3000'

// As a browser's address bar or Location header would hand them over, decoded.
const ESCAPES = {
  tab: '/\t/evil.example/x',
  newline: '/\n/evil.example/x',
  'carriage return': '/\r/evil.example',
  backslash: '/\\evil.example/x',
  'double backslash': '\\\\evil.example',
  'protocol-relative': '//evil.example/x',
  'dot segment to //': '/.//evil.example/x',
  'dot-dot segment to //': '/a/..//evil.example',
  absolute: 'https://evil.example/x',
  'absolute, other port': 'http://localhost:3001/demo/explore',
  javascript: 'javascript:alert(document.cookie)',
  'javascript, tabbed': 'java\tscript:alert(1)',
  data: 'data:text/html,<script>alert(1)</script>',
}

describe('safeRedirect', () => {
  it.each(Object.entries(ESCAPES))('refuses %s', (_name, value) => {
    expect(safeRedirect(value, ORIGIN, '/fallback')).toBe('/fallback')
  })

  it('keeps same-origin path, query and hash only, and refuses non-strings', () => {
    expect(safeRedirect('/demo/explore?tab=1#top', ORIGIN, '/f')).toBe('/demo/explore?tab=1#top')
    expect(safeRedirect('http://localhost:3000/a?b', ORIGIN, '/f')).toBe('/a?b')
    expect(safeRedirect('explore', `${ORIGIN}/demo/`, '/f')).toBe('/demo/explore')
    for (const bad of [undefined, null, 42, ['/a'], '']) expect(safeRedirect(bad, ORIGIN, '/f')).toBe('/f')
  })

  it('answers the fallback, not an exception, for what the URL parser refuses (a value, or a bad origin)', () => {
    expect(safeRedirect('http://[', ORIGIN, '/f')).toBe('/f')
    expect(safeRedirect('/a', 'not an origin', '/f')).toBe('/f')
  })
})

describe('safeCallbackUrl (sign-in, onboarding, "Continue")', () => {
  it('is safeRedirect, and never loops back into the gate', () => {
    expect(safeCallbackUrl('/demo/attack?x=1', '/demo/explore', ORIGIN)).toBe('/demo/attack?x=1')
    for (const value of [...Object.values(ESCAPES), '/demo', '/demo?x=1', '/demo#a', '/demo/onboarding', '/demo/onboarding/x']) {
      expect(safeCallbackUrl(value, '/demo/explore', ORIGIN), value).toBe('/demo/explore')
    }
  })
})

describe('safeCallbackUrl without an origin: the page’s own, or the public URL on the server', () => {
  const url = process.env.NEXTAUTH_URL
  afterEach(() => {
    if (url === undefined) delete process.env.NEXTAUTH_URL
    else process.env.NEXTAUTH_URL = url
    delete (globalThis as { window?: unknown }).window
  })

  it('on the server: NEXTAUTH_URL, else http://localhost', () => {
    process.env.NEXTAUTH_URL = 'https://lab.example'
    expect(safeCallbackUrl('https://lab.example/demo/attack', '/f')).toBe('/demo/attack')
    expect(safeCallbackUrl('http://localhost/demo/attack', '/f')).toBe('/f')
    delete process.env.NEXTAUTH_URL
    expect(safeCallbackUrl('http://localhost/demo/attack', '/f')).toBe('/demo/attack')
    expect(safeCallbackUrl('https://lab.example/demo/attack', '/f')).toBe('/f')
  })

  it('in the browser: the page’s origin, whatever NEXTAUTH_URL says', () => {
    process.env.NEXTAUTH_URL = 'https://lab.example'
    ;(globalThis as { window?: unknown }).window = { location: { origin: 'https://browser.example' } }
    expect(safeCallbackUrl('https://browser.example/demo/attack?x=1', '/f')).toBe('/demo/attack?x=1')
    expect(safeCallbackUrl('https://lab.example/demo/attack', '/f')).toBe('/f')
  })
})

describe('callbackUrlFromAddressBar: the page’s own ?callbackUrl=, checked, when the reader acts', () => {
  afterEach(() => delete (globalThis as { window?: unknown }).window)
  const at = (href: string) => {
    const { origin, search } = new URL(href)
    ;(globalThis as { window?: unknown }).window = { location: { origin, search } }
  }

  it('keeps a same-origin page, and falls back when there is none, it leaves the origin or it loops into the gate', () => {
    at('https://lab.example/demo?callbackUrl=%2Fdemo%2Felsewhere%3Fa%3D1')
    expect(callbackUrlFromAddressBar('/f')).toBe('/demo/elsewhere?a=1')
    for (const href of [
      'https://lab.example/demo',
      'https://lab.example/demo?callbackUrl=',
      'https://lab.example/demo?callbackUrl=https%3A%2F%2Fevil.example%2F',
      'https://lab.example/demo?callbackUrl=%2F%09%2Fevil.example',
      'https://lab.example/demo?callbackUrl=%2Fdemo%2Fonboarding',
    ]) {
      at(href)
      expect(callbackUrlFromAddressBar('/f'), href).toBe('/f')
    }
  })
})

describe("next-auth's redirect callback (demo/auth-options.ts)", () => {
  // Imported with the file, not inside the test: a module first loaded during a test has its module-level code
  // counted as that test's alone by Stryker (perTest coverage), which then runs only this test for those mutants.
  it('sends every escape home, and keeps same-origin paths', async () => {
    const redirect = authOptions.callbacks!.redirect!
    for (const value of Object.values(ESCAPES)) {
      expect(await redirect({ url: value, baseUrl: ORIGIN }), value).toBe(`${ORIGIN}/demo`)
    }
    expect(await redirect({ url: '/demo/explore?a=1', baseUrl: ORIGIN })).toBe(`${ORIGIN}/demo/explore?a=1`)
    // next-auth's default answers `new URL('not a url')` with a TypeError, a 500.
    expect(await redirect({ url: 'not a url', baseUrl: ORIGIN })).toBe(`${ORIGIN}/not%20a%20url`)
  })
})
