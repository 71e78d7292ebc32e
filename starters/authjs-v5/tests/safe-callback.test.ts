// Where /signin sends the browser after sign-in (src/lib/safe-callback.ts): a path on this site, or /dashboard.
import { describe, expect, it } from 'vitest'
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from '~/lib/safe-callback'

describe('safeCallbackPath', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeCallbackPath('/dashboard')).toBe('/dashboard')
    expect(safeCallbackPath('/onboarding?step=2#top')).toBe('/onboarding?step=2#top')
    expect(safeCallbackPath('/a/../dashboard')).toBe('/dashboard')
  })

  it('refuses every spelling that leaves the site: backslashes, tabs, newlines, encoded forms, other origins', () => {
    const offsite = [
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/%5Cevil.example',
      '/%5cevil.example',
      '%2F%2Fevil.example',
      '/%2F/evil.example',
      '/%09/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      ' /dashboard',
      '/%E0%A4%A', // a malformed escape
      '',
      'x'.repeat(3000),
    ]
    for (const value of offsite) expect(safeCallbackPath(value), JSON.stringify(value)).toBe(DEFAULT_AFTER_SIGN_IN)
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN)
    expect(safeCallbackPath(['/dashboard', '//evil.example'])).toBe(DEFAULT_AFTER_SIGN_IN)
  })

  it('a path over 2048 characters is refused, one of 2048 kept; a relative name is not a path', () => {
    expect(safeCallbackPath(`/${'x'.repeat(2047)}`)).toBe(`/${'x'.repeat(2047)}`)
    expect(safeCallbackPath(`/${'x'.repeat(2048)}`)).toBe(DEFAULT_AFTER_SIGN_IN)
    expect(safeCallbackPath('dashboard')).toBe(DEFAULT_AFTER_SIGN_IN)
    expect(safeCallbackPath('evil.example')).toBe(DEFAULT_AFTER_SIGN_IN)
  })
})
