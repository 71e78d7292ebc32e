// Where /signin sends the browser after sign-in (src/server/safe-redirect.ts): a path on this site, else the fallback.
import { describe, expect, it } from 'vitest'
import { safeRedirect } from '~/server/safe-redirect'

describe('safeRedirect', () => {
  it('keeps a path on this site, with its query and hash, normalised', () => {
    expect(safeRedirect('/onboarding?step=2#top')).toBe('/onboarding?step=2#top')
    expect(safeRedirect('/a/../dashboard/x')).toBe('/dashboard/x')
  })

  it('nothing, or anything but a path, gives the fallback: /dashboard unless the caller names one', () => {
    for (const value of [undefined, null, '', 'evil', 'https://evil.example/x', 'javascript:alert(1)']) {
      expect(safeRedirect(value), String(value)).toBe('/dashboard')
      expect(safeRedirect(value, '/home'), String(value)).toBe('/home')
    }
  })

  it('refuses a scheme-relative URL however it is spelled, even one naming a host that looks like this site', () => {
    // `//x/p` and `/\x/p` would land on the path /p of host x: refused by their prefix, before any parsing.
    for (const value of ['//evil.example/x', '//x/p', '/\\evil.example/x', '/\\x/p', '/\t/evil.example/x', '/\n/evil.example']) {
      expect(safeRedirect(value, '/home'), JSON.stringify(value)).toBe('/home')
    }
  })

  it('a value the URL parser refuses (tabs hide a scheme-relative URL with a bad host) gives the fallback', () => {
    expect(() => new URL('/\t/[', 'http://x')).toThrow()
    expect(safeRedirect('/\t/[', '/home')).toBe('/home')
  })
})
