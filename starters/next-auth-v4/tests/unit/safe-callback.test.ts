// Where /signin sends the browser after signing in (lib/safe-callback.ts): this site's paths only. Each value is
// also resolved the way a browser resolves a link, to check that what is let through stays on the site.
import { describe, expect, it } from 'vitest'
import { safeCallbackUrl, signInErrorMessage } from '../../lib/safe-callback'

const SITE = 'https://app.example'

describe('safeCallbackUrl', () => {
  it.each([
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['\\/evil.example'],
    ['//evil.example'],
    ['/%5Cevil.example'],
    ['/%5C%5Cevil.example'],
    ['/%2F/evil.example'],
    ['/%09/evil.example'],
    ['/%E0%A4%A'], // a malformed escape
    ['https://evil.example/'],
    ['http:evil.example'],
    ['javascript:alert(1)'],
    ['evil.example'],
    [''],
  ])('refuses %j', (value) => {
    expect(safeCallbackUrl(value)).toBe('/dashboard')
  })

  it('refuses what is not one string (a repeated query parameter, nothing)', () => {
    expect(safeCallbackUrl(['/a', '/b'])).toBe('/dashboard')
    expect(safeCallbackUrl(undefined)).toBe('/dashboard')
  })

  it.each([
    ['/dashboard', '/dashboard'],
    ['/onboarding?callbackUrl=%2Fdashboard', '/onboarding?callbackUrl=%2Fdashboard'],
    ['/dashboard#top', '/dashboard#top'],
    ['/a/../dashboard', '/dashboard'],
    ['/search?q=a%20b', '/search?q=a%20b'],
  ])('keeps the site’s own path %j', (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected)
    expect(new URL(safeCallbackUrl(value), SITE).origin).toBe(SITE)
  })

  it('everything it returns stays on the site when a browser follows it', () => {
    const tricky = ['/\\evil.example', '/\t/evil.example', '/%5Cevil.example', '/.//evil.example', '/./\\evil.example', '/x/..//evil.example']
    for (const value of tricky) expect(new URL(safeCallbackUrl(value), SITE).origin, value).toBe(SITE)
  })
})

describe('signInErrorMessage', () => {
  it('shows a known code’s message and never the query’s own text', () => {
    expect(signInErrorMessage('GitHubEmailUnverified')).toMatch(/GitHub has not verified/)
    expect(signInErrorMessage('Your account is locked, call +1 555')).toBe('Sign-in failed. Try again.')
    expect(signInErrorMessage('toString')).toBe('Sign-in failed. Try again.')
    expect(signInErrorMessage(undefined)).toBeNull()
    expect(signInErrorMessage('')).toBeNull() // `?error=` with nothing after it: no message at all
  })
})
